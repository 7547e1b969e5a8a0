import { describe, expect, it } from 'vitest';
import { bandMinimum } from './enterprise.ts';

describe('the bottom of an employee band', () => {
  it('reads the first number of its label, none for no employee', () => {
    expect(bandMinimum('De 51 à 100')).toBe(51);
    expect(bandMinimum('Aucun employé')).toBe(0);
    expect(bandMinimum('5 000 et plus')).toBe(5000);
    expect(bandMinimum('5\u00a0000 et plus')).toBe(5000);
    expect(bandMinimum(null)).toBeNull();
    expect(bandMinimum('Inconnu')).toBeNull();
  });
});
