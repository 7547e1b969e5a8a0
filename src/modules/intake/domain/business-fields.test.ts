import { describe, expect, it } from 'vitest';
import { businessShape } from './business-fields.ts';

describe('web addresses', () => {
  const website = businessShape.website;

  it('take an address typed without its scheme as https', () => {
    expect(website.parse('www.boutique.ca')).toBe('https://www.boutique.ca');
    expect(website.parse('boutique-lea.ca/fr')).toBe('https://boutique-lea.ca/fr');
    expect(website.parse('http://boutique.ca')).toBe('http://boutique.ca');
  });

  it('still refuse what is not a web address, and accept none', () => {
    for (const bad of ['boutique', 'javascript:alert(1)', 'ftp://boutique.ca', 'www boutique ca'])
      expect(website.safeParse(bad).success, bad).toBe(false);
    expect(website.parse('')).toBe('');
  });
});
