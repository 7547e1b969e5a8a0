/**
 * The measured impact: how much maturity scores moved from T0 to T1, for businesses that completed
 * both (on the same questionnaire version; the caller pairs them). The method, also printed:
 * - per measure (the overall score and each dimension), the gain of each business is T1 − T0 in points
 *   out of 100, and the estimate is their mean with a 95 % **paired t-interval**: mean ± t(0.975, n − 1)
 *   × s / √n, where s is the gains' sample standard deviation (n − 1 in the denominator);
 * - t(0.975, df) comes from the usual table (df 1–30, 40, 60, 120, ∞) and is interpolated linearly in
 *   1/df between its rows, within 0.001 of the exact quantile: no statistics library needed;
 * - the share improved is the businesses whose gain is above zero, in percent;
 * - under `minPairs` pairs (default 10) there is no estimate, and the reason says so: an interval on a
 *   handful of businesses says little and could describe one of them.
 * Figures are rounded to one decimal (`rounding.ts`) once computed, never before.
 */
import { oneDecimal, percentOneDecimal } from './rounding.ts';

export const DEFAULT_MIN_PAIRS = 10;

/** A business's scores at one phase: overall and per dimension, 0–100 (the diagnostic's score sheet). */
export type ScoreSheet = { overall: number; dimensions: Record<string, number> };
export type ScorePair = { t0: ScoreSheet; t1: ScoreSheet };

export type GainEstimate = { meanGain: number; low: number; high: number; improvedPercent: number };
export type MeasureImpact = {
  /** `overall`, or `dimension:<id>` so that a dimension called "overall" cannot be mistaken for it. */
  measure: string;
  pairs: number;
  estimate: GainEstimate | null;
  reasonKey: 'reporting:impact.too_few_pairs' | null;
};

/** Two-sided 95 %: t(0.975, df). */
const T_TABLE: [df: number, t: number][] = [
  [1, 12.7062],
  [2, 4.3027],
  [3, 3.1824],
  [4, 2.7764],
  [5, 2.5706],
  [6, 2.4469],
  [7, 2.3646],
  [8, 2.306],
  [9, 2.2622],
  [10, 2.2281],
  [11, 2.201],
  [12, 2.1788],
  [13, 2.1604],
  [14, 2.1448],
  [15, 2.1314],
  [16, 2.1199],
  [17, 2.1098],
  [18, 2.1009],
  [19, 2.093],
  [20, 2.086],
  [21, 2.0796],
  [22, 2.0739],
  [23, 2.0687],
  [24, 2.0639],
  [25, 2.0595],
  [26, 2.0555],
  [27, 2.0518],
  [28, 2.0484],
  [29, 2.0452],
  [30, 2.0423],
  [40, 2.0211],
  [60, 2.0003],
  [120, 1.9799],
  [Number.POSITIVE_INFINITY, 1.96],
];

export function tQuantile975(df: number): number {
  const upper = T_TABLE.findIndex(([d]) => d >= df);
  const [d1, t1] = T_TABLE[upper]!;
  if (d1 === df || upper === 0) return t1;
  const [d0, t0] = T_TABLE[upper - 1]!;
  const share = (1 / d0 - 1 / df) / (1 / d0 - 1 / d1);
  return t0 + share * (t1 - t0);
}

/** The estimate from paired gains; at least two, so that a spread exists. */
export function pairedEstimate(gains: number[]): GainEstimate {
  const n = gains.length;
  const mean = gains.reduce((a, b) => a + b, 0) / n;
  const variance = gains.reduce((a, g) => a + (g - mean) ** 2, 0) / (n - 1);
  return estimateFromSummary({ pairs: n, mean, variance, improved: gains.filter((g) => g > 0).length });
}

/** Paired gains summed up (by the database, for a large cohort): count, mean, sample variance, improved. */
export type GainSummary = {
  measure: string;
  pairs: number;
  mean: number;
  variance: number;
  improved: number;
};

/**
 * A summary from sums the database keeps: gains in tenths of a point, so the sums are exact integers and
 * the variance is computed without cancellation (n·Σg² − (Σg)² stays far below 2^53 at 300,000 pairs).
 */
export function gainSummaryFromSums(s: {
  measure: string;
  pairs: number;
  sumTenths: number;
  sumSquares: number;
  improved: number;
}): GainSummary {
  const n = s.pairs;
  return {
    measure: s.measure,
    pairs: n,
    mean: s.sumTenths / n / 10,
    variance: n > 1 ? (n * s.sumSquares - s.sumTenths * s.sumTenths) / (n * (n - 1)) / 100 : 0,
    improved: s.improved,
  };
}

/** The estimate from a summary of at least two gains: the same interval as `pairedEstimate`. */
export function estimateFromSummary(s: Omit<GainSummary, 'measure'>): GainEstimate {
  const half = (tQuantile975(s.pairs - 1) * Math.sqrt(s.variance)) / Math.sqrt(s.pairs);
  return {
    meanGain: oneDecimal(s.mean),
    low: oneDecimal(s.mean - half),
    high: oneDecimal(s.mean + half),
    improvedPercent: percentOneDecimal(s.improved, s.pairs),
  };
}

/** The impact per measure from summaries, under the same threshold as `measuredImpact`. */
export function impactFromSummaries(summaries: GainSummary[], minPairs = DEFAULT_MIN_PAIRS): MeasureImpact[] {
  const threshold = Math.max(2, minPairs);
  return summaries.map((s) => {
    const enough = s.pairs >= threshold;
    return {
      measure: s.measure,
      pairs: s.pairs,
      estimate: enough ? estimateFromSummary(s) : null,
      reasonKey: enough ? null : 'reporting:impact.too_few_pairs',
    };
  });
}

/** The impact on the overall score, then each dimension (in the order they first appear). */
export function measuredImpact(pairs: ScorePair[], minPairs = DEFAULT_MIN_PAIRS): MeasureImpact[] {
  const threshold = Math.max(2, minPairs); // one pair has no spread, so no interval
  const dimensions = [...new Set(pairs.flatMap((p) => Object.keys(p.t0.dimensions)))];
  const measures: [string, (s: ScoreSheet) => number | undefined][] = [
    ['overall', (s) => s.overall],
    ...dimensions.map((id): [string, (s: ScoreSheet) => number | undefined] => [
      `dimension:${id}`,
      (s) => s.dimensions[id],
    ]),
  ];
  return measures.map(([measure, read]) => {
    const gains = pairs.flatMap((p) => {
      const before = read(p.t0);
      const after = read(p.t1);
      return before === undefined || after === undefined ? [] : [after - before];
    });
    const enough = gains.length >= threshold;
    return {
      measure,
      pairs: gains.length,
      estimate: enough ? pairedEstimate(gains) : null,
      reasonKey: enough ? null : 'reporting:impact.too_few_pairs',
    };
  });
}
