import { z } from 'zod';

/**
 * Money is integer cents of CAD (DESIGN §4): sums are exact, and a cent never appears or vanishes
 * between two screens. Amounts stay within the safe integer range, so a `number` holds them exactly;
 * the database keeps them as `bigint`.
 *
 * Rounding rule, stated once: a computed amount (a tax, a rate applied to a cost) is rounded half up
 * to the cent — half away from zero, so a reversal is the exact negative of its entry — and rounded
 * once, from the exact product, never from an already rounded intermediate. Formatting is not here:
 * `formatMoney` in `src/kernel/format.ts` writes « 1 234,56 $ ».
 */
export type Cents = number;

/** Refuses a non-integer or unsafe amount: a fraction of a cent is always a bug upstream. */
export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number of cents: ${value}`);
  return value;
}

/** An amount of money entered or stored: whole cents, zero or more. */
export const centsSchema = z
  .number({ error: 'funding:errors.cents' })
  .int({ error: 'funding:errors.cents' })
  .min(0, { error: 'funding:errors.cents_negative' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'funding:errors.cents' });

export function sumCents(amounts: Iterable<Cents>): Cents {
  let total = 0;
  for (const amount of amounts) total += amount;
  return cents(total);
}

/** A rate as an exact fraction: QST's 9.975 % is 9975 / 100 000, which no float holds exactly. */
export type Ratio = { numerator: number; denominator: number };

/** Aid rates are basis points (9000 = 90 %): integers, exact for every rate a program would set. */
export type BasisPoints = number;
export const FULL_RATE: BasisPoints = 10_000;

export function basisPoints(rate: BasisPoints): Ratio {
  return { numerator: rate, denominator: FULL_RATE };
}

/** `amount × ratio`, rounded half away from zero, computed in bigint so the product is exact. */
export function applyRatio(amount: Cents, ratio: Ratio): Cents {
  const product = BigInt(cents(amount)) * BigInt(ratio.numerator);
  const denominator = BigInt(ratio.denominator);
  const magnitude = (2n * (product < 0n ? -product : product) + denominator) / (2n * denominator);
  return cents(Number(product < 0n ? -magnitude : magnitude));
}

/** The exact form of an amount as ISO 20022 and accounting files write it: `1234.56`. */
export function decimalAmount(amount: Cents): string {
  const abs = Math.abs(cents(amount));
  return `${amount < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
