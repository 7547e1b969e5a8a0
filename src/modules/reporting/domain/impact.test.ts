import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gainSummaryFromSums,
  impactFromSummaries,
  measuredImpact,
  pairedEstimate,
  type ScorePair,
  tQuantile975,
} from './impact.ts';

const pair = (t0: number, t1: number, dims: Record<string, [number, number]> = {}): ScorePair => ({
  t0: { overall: t0, dimensions: Object.fromEntries(Object.entries(dims).map(([k, v]) => [k, v[0]])) },
  t1: { overall: t1, dimensions: Object.fromEntries(Object.entries(dims).map(([k, v]) => [k, v[1]])) },
});

describe('measured impact', () => {
  it('reads t(0.975) from the table and interpolates in 1/df between its rows', () => {
    expect(tQuantile975(9)).toBe(2.2622);
    expect(tQuantile975(1000)).toBeCloseTo(1.9623, 3); // exact 1.9623
    expect(tQuantile975(50)).toBeCloseTo(2.0086, 3); // exact 2.0086
    expect(tQuantile975(Number.POSITIVE_INFINITY)).toBe(1.96);
  });

  it('gives the mean gain with a paired t-interval and the share improved', () => {
    // Gains 2, 4, 6, 8, 10, 12, 14, 16, 18, −10: mean 8, s = √(600 / 9) = 8.165, t(9) = 2.2622, half-width 5.841.
    const gains = [2, 4, 6, 8, 10, 12, 14, 16, 18, -10];
    const estimate = pairedEstimate(gains);
    expect(estimate).toEqual({ meanGain: 8, low: 2.2, high: 13.8, improvedPercent: 90 });
  });

  it('measures the overall score and each dimension, and says when there are too few pairs', () => {
    const pairs = Array.from({ length: 10 }, (_, i) => pair(30, 40 + i, i < 4 ? { data: [10, 20] } : {}));
    const [overall, data] = measuredImpact(pairs);
    expect(overall).toMatchObject({ measure: 'overall', pairs: 10, reasonKey: null });
    expect(overall!.estimate!.meanGain).toBe(14.5);
    expect(data).toEqual({
      measure: 'dimension:data',
      pairs: 4,
      estimate: null,
      reasonKey: 'reporting:impact.too_few_pairs',
    });
    expect(measuredImpact(pairs, 4)[1]!.estimate).toEqual({
      meanGain: 10,
      low: 10,
      high: 10,
      improvedPercent: 100,
    });
  });

  it('holds the mean inside its interval, and moves with a shift of every gain (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 80 }),
        fc.integer({ min: -200, max: 200 }),
        (tenths, shift) => {
          const gains = tenths.map((t) => t / 10);
          const e = pairedEstimate(gains);
          expect(e.low).toBeLessThanOrEqual(e.meanGain);
          expect(e.meanGain).toBeLessThanOrEqual(e.high);
          expect(e.improvedPercent).toBeGreaterThanOrEqual(0);
          expect(e.improvedPercent).toBeLessThanOrEqual(100);
          const moved = pairedEstimate(gains.map((g) => g + shift));
          expect(moved.meanGain).toBeCloseTo(e.meanGain + shift, 0);
          expect(moved.high - moved.low).toBeCloseTo(e.high - e.low, 0);
        },
      ),
    );
  });
});

describe('impact from summaries (what the database sums up for a large cohort)', () => {
  it('gives the same estimates as the gains themselves', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 60 }), (gains) => {
        const n = gains.length;
        const mean = gains.reduce((a, b) => a + b, 0) / n;
        const variance = gains.reduce((a, g) => a + (g - mean) ** 2, 0) / (n - 1);
        const improved = gains.filter((g) => g > 0).length;
        const [fromSummary] = impactFromSummaries(
          [{ measure: 'overall', pairs: n, mean, variance, improved }],
          2,
        );
        expect(fromSummary!.estimate).toEqual(pairedEstimate(gains));
      }),
    );
  });

  it('gives the same estimates from kept sums of gains in tenths (the dashboard’s) as from the gains', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 60 }),
        (tenths) => {
          const gains = tenths.map((g) => g / 10);
          const [fromSums] = impactFromSummaries(
            [
              gainSummaryFromSums({
                measure: 'overall',
                pairs: tenths.length,
                sumTenths: tenths.reduce((a, g) => a + g, 0),
                sumSquares: tenths.reduce((a, g) => a + g * g, 0),
                improved: tenths.filter((g) => g > 0).length,
              }),
            ],
            2,
          );
          expect(fromSums!.estimate).toEqual(pairedEstimate(gains));
        },
      ),
    );
  });

  it('gives no estimate under the minimum pairs, and says why', () => {
    const [few] = impactFromSummaries([{ measure: 'overall', pairs: 9, mean: 5, variance: 4, improved: 9 }]);
    expect(few).toEqual({
      measure: 'overall',
      pairs: 9,
      estimate: null,
      reasonKey: 'reporting:impact.too_few_pairs',
    });
  });
});
