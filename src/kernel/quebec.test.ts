import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMunicipality, MUNICIPALITIES, municipalitySuggestions } from './municipalities.ts';
import {
  isQuebecPostalCode,
  NAICS_RETAIL,
  neqChecksumLooksRight,
  normaliseNeq,
  normalisePostalCode,
  REGIONS,
  regionName,
} from './quebec.ts';

describe('Québec reference data', () => {
  it('has the 17 regions and the 9 retail subsectors', () => {
    expect(REGIONS).toHaveLength(17);
    expect(regionName('02')).toBe('Saguenay–Lac-Saint-Jean');
    // An unknown code shows as itself; no region stays none.
    expect(regionName('99')).toBe('99');
    expect(regionName(null)).toBeNull();
    expect(NAICS_RETAIL.map((n) => n.code)).toEqual([
      '441',
      '444',
      '445',
      '449',
      '455',
      '456',
      '457',
      '458',
      '459',
    ]);
  });

  it('has every municipality of the MAMH list, each in one of the regions', () => {
    expect(MUNICIPALITIES).toHaveLength(1281);
    const codes = new Set(REGIONS.map((r) => r.code));
    expect(MUNICIPALITIES.every((m) => codes.has(m.region as never))).toBe(true);
  });

  it('finds a municipality by code or by name, ignoring accents and case', () => {
    expect(findMunicipality('66023')).toMatchObject({ found: { name: 'Montréal', region: '06' } });
    expect(findMunicipality('montreal')).toMatchObject({ found: { code: '66023' } });
    expect(findMunicipality('TROIS RIVIERES')).toMatchObject({ found: { region: '04' } });
    expect(findMunicipality('Atlantis')).toBeUndefined();
  });

  it('reports names shared by several municipalities instead of guessing', () => {
    const shared = MUNICIPALITIES.find((m) => MUNICIPALITIES.filter((o) => o.name === m.name).length > 1)!;
    const result = findMunicipality(shared.name);
    expect(result && 'ambiguous' in result && result.ambiguous.length).toBeGreaterThan(1);
    const suggestion = municipalitySuggestions().find((s) => s.value.startsWith(`${shared.name} (`))!;
    expect(findMunicipality(suggestion.value)).toMatchObject({ found: { name: shared.name } });
  });
});

describe('postal codes', () => {
  it.each([
    ['h2x 1y4', 'H2X 1Y4'],
    ['G1R-4P5', 'G1R 4P5'],
    ['J8Y6T4', 'J8Y 6T4'],
  ])('normalises %s', (input, expected) => {
    expect(normalisePostalCode(input)).toBe(expected);
  });
  it.each(['D1A 1A1', 'W1A 1A1', 'H2X 1O4', '12345', 'H2X1Y', ''])('rejects %s', (input) => {
    expect(normalisePostalCode(input)).toBeUndefined();
  });
  it('tells Québec codes from others', () => {
    expect(isQuebecPostalCode('H2X 1Y4')).toBe(true);
    expect(isQuebecPostalCode('K1A 0B1')).toBe(false);
  });
});

describe('NEQ', () => {
  it('accepts spaces and dashes and keeps digits only', () => {
    expect(normaliseNeq('1143 920 115')).toBe('1143920115');
    expect(normaliseNeq('1143-920-115')).toBe('1143920115');
    expect(normaliseNeq('114392011')).toBeUndefined();
    expect(normaliseNeq('11439201a5')).toBeUndefined();
  });
  it('passes the observed check on a real NEQ and fails it on a one-digit change', () => {
    expect(neqChecksumLooksRight('1143920115')).toBe(true);
    expect(neqChecksumLooksRight('1143920116')).toBe(false);
  });
  it('detects every single-digit change in digits 3 to 10 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = '1143920115'.split('').map(Number);
        digits[position] = (digits[position]! + delta) % 10;
        expect(neqChecksumLooksRight(digits.join(''))).toBe(false);
      }),
    );
  });
});
