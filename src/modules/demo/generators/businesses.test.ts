import { describe, expect, it } from 'vitest';
import { findMunicipality } from '../../../kernel/municipalities.ts';
import { neqChecksumLooksRight, normalisePostalCode } from '../../../kernel/quebec.ts';
import { generateBusinesses } from './businesses.ts';

describe('demo businesses', () => {
  const businesses = generateBusinesses(600, 42);

  it('are the same for the same seed, and different for another', () => {
    expect(generateBusinesses(600, 42)).toEqual(businesses);
    expect(generateBusinesses(5, 43)[0]).not.toEqual(businesses[0]);
  });

  it('look like real Québec retailers', () => {
    for (const b of businesses) {
      expect(neqChecksumLooksRight(b.neq)).toBe(true);
      expect(normalisePostalCode(b.postalCode)).toBe(b.postalCode);
      expect(findMunicipality(b.municipalityCode)).toMatchObject({ found: { region: b.region } });
      expect(b.naics).toMatch(/^4[45]\d$/);
      expect(b.employees).toBeGreaterThan(0);
    }
    expect(new Set(businesses.map((b) => b.region)).size).toBeGreaterThan(12);
    expect(businesses.some((b) => /[éèàçô]/i.test(b.tradeName))).toBe(true);
    expect(businesses.filter((b) => b.region === '06').length).toBeGreaterThan(60); // Montréal's weight
    expect(businesses.some((b) => b.employees > 50)).toBe(true); // some would not be eligible
    expect(new Set(businesses.map((b) => b.contact.email)).size).toBe(businesses.length);
  });
});
