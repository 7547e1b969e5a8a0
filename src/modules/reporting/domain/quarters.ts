/**
 * Reporting periods. The ministry reports by Québec fiscal year (1 April – 31 March, named by the year
 * it starts in: 2026 is « 2026-2027 »), so its first quarter is April–June; calendar quarters serve the
 * dashboard. Every date is read on a Montréal calendar: a file accepted at 21 h on 30 June in Montréal
 * belongs to the first fiscal quarter although it is already 1 July in UTC.
 */
import { z } from 'zod';
import { FISCAL_YEAR_FIRST_MONTH } from '../../../kernel/fiscal-year.ts';
import { formatDate, startOfMontrealDay } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { addDays } from './days.ts';

export const QUARTER_KINDS = ['fiscal', 'calendar'] as const;
export type QuarterKind = (typeof QUARTER_KINDS)[number];

/** `year` is the calendar year, or for a fiscal quarter the year its fiscal year starts in. */
export const quarterSchema = z.strictObject({
  kind: z.enum(QUARTER_KINDS),
  year: z.number().int().min(2000).max(2100),
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
});
export type Quarter = z.output<typeof quarterSchema>;

/** The month (1–12) each kind of year begins with: the fiscal year's is the kernel's rule. */
const FIRST_MONTH: Record<QuarterKind, number> = { fiscal: FISCAL_YEAR_FIRST_MONTH, calendar: 1 };

/** The quarter of a Montréal calendar day (`2027-03-31` is fiscal Q4 of 2026-2027, calendar Q1 of 2027). */
export function quarterOfDay(isoDay: string, kind: QuarterKind): Quarter {
  const [calendarYear, month] = isoDay.split('-').map(Number) as [number, number];
  const monthsIn = month - FIRST_MONTH[kind];
  const year = monthsIn < 0 ? calendarYear - 1 : calendarYear;
  const quarter = (Math.floor(((monthsIn + 12) % 12) / 3) + 1) as Quarter['quarter'];
  return { kind, year, quarter };
}

/** The quarter of an instant, read on a Montréal calendar. */
export function quarterOf(instant: Date, kind: QuarterKind): Quarter {
  return quarterOfDay(formatDate(instant), kind);
}

/** The first day of the month `monthsAfter` months after the year's start (months past 12 run into the next year). */
function monthStart(kind: QuarterKind, year: number, monthsAfter: number): string {
  const index = FIRST_MONTH[kind] - 1 + monthsAfter;
  return `${year + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Its first and last Montréal days, and the instants it starts and ends (excluded), daylight saving included. */
export function quarterBounds(q: Quarter): { firstDay: string; lastDay: string; start: Date; end: Date } {
  const firstDay = monthStart(q.kind, q.year, (q.quarter - 1) * 3);
  const nextFirstDay = monthStart(q.kind, q.year, q.quarter * 3);
  return {
    firstDay,
    lastDay: addDays(nextFirstDay, -1),
    start: startOfMontrealDay(firstDay),
    end: startOfMontrealDay(nextFirstDay),
  };
}

/** « T1 2026-2027 » / "Q1 2026-2027" for a fiscal quarter; « T1 2027 » / "Q1 2027" for a calendar one. */
export function quarterLabel(q: Quarter, locale: Locale): string {
  const letter = locale === 'fr' ? 'T' : 'Q';
  const year = q.kind === 'fiscal' ? `${q.year}-${q.year + 1}` : String(q.year);
  return `${letter}${q.quarter} ${year}`;
}

/** A fiscal quarter as a stable key (`2026-Q1`: April–June 2026, of fiscal year 2026-2027). */
export function fiscalQuarterKey(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

export function quarterOfKey(key: string): Quarter | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(key);
  return match
    ? { kind: 'fiscal', year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] }
    : null;
}

/** What a group of businesses adds up to: counts and sums add, the largest single value is a max. */
export type Tally = { businesses: number; accepted: number; sum: number; largest: number };

/** Months (`2027-01`) folded into the fiscal quarters they belong to, in order. */
export function tallyByFiscalQuarter(
  months: (Tally & { key: string | null })[],
): (Tally & { key: string })[] {
  const quarters = new Map<string, Tally>();
  for (const month of months) {
    if (month.key === null) continue;
    const key = fiscalQuarterKey(quarterOfDay(`${month.key}-01`, 'fiscal'));
    const seen = quarters.get(key) ?? { businesses: 0, accepted: 0, sum: 0, largest: 0 };
    quarters.set(key, {
      businesses: seen.businesses + month.businesses,
      accepted: seen.accepted + month.accepted,
      sum: seen.sum + month.sum,
      largest: Math.max(seen.largest, month.largest),
    });
  }
  return [...quarters].sort(([a], [b]) => a.localeCompare(b)).map(([key, tally]) => ({ key, ...tally }));
}
