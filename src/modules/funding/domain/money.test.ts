import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../kernel/format.ts';
import { applyRatio, basisPoints, cents, centsSchema, decimalAmount, sumCents } from './money.ts';

describe('money', () => {
  it('refuses fractions of a cent and unsafe integers', () => {
    expect(cents(123_456)).toBe(123_456);
    expect(() => cents(1.5)).toThrow(RangeError);
    expect(() => cents(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => sumCents([0.1, 0.2])).toThrow(RangeError);
    expect(centsSchema.safeParse(12.5).error?.issues[0]?.message).toBe('funding:errors.cents');
    expect(centsSchema.safeParse(-1).error?.issues[0]?.message).toBe('funding:errors.cents_negative');
  });

  it('rounds half up to the cent, once, from the exact product', () => {
    expect(applyRatio(1000, basisPoints(9000))).toBe(900);
    expect(applyRatio(5, { numerator: 1, denominator: 2 })).toBe(3); // 2.5 → 3
    expect(applyRatio(-5, { numerator: 1, denominator: 2 })).toBe(-3); // symmetric
    expect(applyRatio(1, { numerator: 9975, denominator: 100_000 })).toBe(0); // 0.09975
    expect(applyRatio(1003, { numerator: 9975, denominator: 100_000 })).toBe(100); // 100.04925
    // A product beyond 2^53 stays exact.
    expect(applyRatio(9_000_000_000_000_000 - 1, basisPoints(10_000))).toBe(9_000_000_000_000_000 - 1);
  });

  it('is never more than half a cent from the exact value (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e10, max: 1e10 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (amount, numerator, denominator) => {
          const rounded = applyRatio(amount, { numerator, denominator });
          const exactTimesDen = BigInt(amount) * BigInt(numerator);
          const diff = BigInt(rounded) * BigInt(denominator) - exactTimesDen;
          expect(2n * (diff < 0n ? -diff : diff) <= BigInt(denominator)).toBe(true);
          expect(applyRatio(-amount, { numerator, denominator })).toBe(-rounded || 0);
        },
      ),
    );
  });

  it('writes amounts as files expect them, and leaves display to the kernel formatter', () => {
    expect(decimalAmount(123_456)).toBe('1234.56');
    expect(decimalAmount(5)).toBe('0.05');
    expect(decimalAmount(-1999)).toBe('-19.99');
    expect(formatMoney(123_456, 'fr').replace(/\s/g, ' ')).toBe('1 234,56 $');
  });
});
