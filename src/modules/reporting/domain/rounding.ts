/**
 * How reports round, stated once: half up (half away from zero for the positive figures reports show),
 * to one decimal. Percentages are computed from integers so that a half never falls on the wrong side
 * through binary fractions (2/3 → 66.7, 1/8 → 12.5, 1/16 → 6.3).
 */

/** `numerator / denominator` as a percentage to one decimal, half up; both non-negative, denominator > 0. */
export function percentOneDecimal(numerator: number, denominator: number): number {
  return Math.floor((2000 * numerator + denominator) / (2 * denominator)) / 10;
}

/** A measure to one decimal, half away from zero (a score gain of −2.25 is −2.3, as +2.25 is 2.3). */
export function oneDecimal(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 10 + 1e-9)) / 10;
}
