import { describe, expect, it } from 'vitest';
import { formNumber, percentForInput, readPercent } from './form-numbers.ts';

describe('a number typed in a form', () => {
  it('reads whole numbers with spaces between thousands; empty is not given', () => {
    expect(formNumber('250')).toBe(250);
    expect(formNumber(' 1 000 ')).toBe(1000);
    expect(formNumber('1\u00a0000')).toBe(1000);
    expect(formNumber('1\u202f000')).toBe(1000);
    expect(formNumber('-3')).toBe(-3);
    expect(formNumber('')).toBeUndefined();
    expect(formNumber('  ')).toBeUndefined();
    expect(formNumber(undefined)).toBeUndefined();
  });

  it('reads a decimal comma or point only when decimals are allowed', () => {
    expect(formNumber('12,5')).toBe('12,5');
    expect(formNumber('2,5', { decimals: true })).toBe(2.5);
    expect(formNumber('7.5', { decimals: true })).toBe(7.5);
  });

  it('gives anything else back as typed, for validation to name the field', () => {
    expect(formNumber('4O')).toBe('4O');
    expect(formNumber('douze', { decimals: true })).toBe('douze');
  });
});

describe('a percentage typed in a form', () => {
  it('reads it in basis points, with a comma or a point and an optional sign; gives back the rest as typed', () => {
    expect(readPercent('90')).toBe(9000);
    expect(readPercent('12,5 %')).toBe(1250);
    expect(readPercent('0.01')).toBe(1);
    expect(readPercent('')).toBeUndefined();
    expect(readPercent('quatre-vingt-dix')).toBe('quatre-vingt-dix');
  });

  it('writes basis points back as the percentage typed in each language', () => {
    expect(percentForInput(9000, 'fr')).toBe('90');
    expect(percentForInput(1250, 'fr')).toBe('12,5');
    expect(percentForInput(1250, 'en')).toBe('12.5');
    expect(readPercent(percentForInput(3333, 'fr'))).toBe(3333);
  });
});
