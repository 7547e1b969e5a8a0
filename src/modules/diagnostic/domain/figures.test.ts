import { describe, expect, it } from 'vitest';
import { formatChange, formatOrdinal, formatScore, typicalCost } from './figures.ts';

// Intl separates thousands and currency with narrow and plain no-break spaces: compared as plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('figures of the diagnostic', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [23, '23rd'],
    [43, '43rd'],
    [100, '100th'],
    [101, '101st'],
    [111, '111th'],
  ])('ranks %i as %s in English', (rank, shown) => expect(formatOrdinal(rank, 'en')).toBe(shown));

  it.each([
    [1, '1er'],
    [2, '2e'],
    [3, '3e'],
    [11, '11e'],
    [21, '21e'],
    [43, '43e'],
    [101, '101e'],
  ])('ranks %i as %s in French', (rank, shown) => expect(formatOrdinal(rank, 'fr')).toBe(shown));

  it("writes scores with the language's decimal separator, one decimal at most", () => {
    expect(formatScore(31.2, 'fr')).toBe('31,2');
    expect(formatScore(31.2, 'en')).toBe('31.2');
    expect(formatScore(31.25, 'fr')).toBe('31,3');
    expect(formatScore(40, 'fr')).toBe('40');
  });

  it('signs a change of score with a true minus sign, and ± when nothing changed', () => {
    expect(formatChange(12.5, 'fr')).toBe('+12,5');
    expect(formatChange(-3, 'en')).toBe('−3');
    expect(formatChange(0, 'fr')).toBe('±0');
  });

  it('tells a free cost and a single amount from a range', () => {
    expect(typicalCost(0, 0, 'fr').kind).toBe('free');
    expect(typicalCost(50_000, 50_000, 'fr')).toMatchObject({ kind: 'single' });
    const range = typicalCost(0, 123_456, 'fr');
    expect(range.kind).toBe('range');
    expect(plain(range.min)).toBe('0,00 $');
    expect(plain(range.max)).toBe('1 234,56 $');
    expect(typicalCost(0, 123_456, 'en').max).toBe('$1,234.56');
    expect(plain(typicalCost(0, 20_000, 'fr').min)).toBe('0 $');
    expect(typicalCost(0, 20_000, 'en').max).toBe('$200');
  });
});
