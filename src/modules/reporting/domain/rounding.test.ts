import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneDecimal, percentOneDecimal } from './rounding.ts';

describe('rounding', () => {
  it('rounds percentages half up to one decimal, from integers', () => {
    expect(percentOneDecimal(2, 3)).toBe(66.7);
    expect(percentOneDecimal(1, 16)).toBe(6.3);
    expect(percentOneDecimal(1, 8)).toBe(12.5);
    expect(percentOneDecimal(7, 7)).toBe(100);
  });

  it('rounds a measure half away from zero', () => {
    expect(oneDecimal(2.25)).toBe(2.3);
    expect(oneDecimal(-2.25)).toBe(-2.3);
    expect(oneDecimal(0.04)).toBe(0);
  });

  it('is within half a tenth of the exact percentage (property)', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 100_000 }), (n, d) => {
        expect(Math.abs(percentOneDecimal(n, d) - (100 * n) / d)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});
