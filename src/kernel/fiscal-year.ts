import { montrealWallClock, startOfMontrealDay } from './format.ts';

/**
 * Québec's fiscal year runs from 1 April to 31 March, in Montréal time: a payment made at 21 h on
 * 31 March in Montréal belongs to the year that ends that day, though it is already 1 April in UTC.
 * A fiscal year is named by the calendar year it starts in (2026 is « 2026-2027 »).
 */
export type FiscalYear = number;

/** April: the month a fiscal year begins with (quarters count from it too, Q1 = April–June). */
export const FISCAL_YEAR_FIRST_MONTH = 4;
const firstDayOf = (year: FiscalYear) => `${year}-0${FISCAL_YEAR_FIRST_MONTH}-01`;

/** The fiscal year of a Montréal calendar day (`2027-03-31` → 2026). */
export function fiscalYearOfDay(isoDay: string): FiscalYear {
  const [year, month] = isoDay.split('-').map(Number) as [number, number];
  return month >= FISCAL_YEAR_FIRST_MONTH ? year : year - 1;
}

/** The fiscal year of an instant, read on a Montréal calendar. */
export function fiscalYearOf(instant: Date): FiscalYear {
  return fiscalYearOfDay(montrealWallClock(instant).date);
}

/** « 2026-2027 », as Québec's budget documents write it (the same in both languages). */
export function fiscalYearLabel(year: FiscalYear): string {
  return `${year}-${year + 1}`;
}

/** The year a label names, or null when the label is not two consecutive years. */
export function parseFiscalYear(label: string): FiscalYear | null {
  const match = /^(\d{4})-(\d{4})$/.exec(label.trim());
  return match && Number(match[2]) === Number(match[1]) + 1 ? Number(match[1]) : null;
}

/** Its bounds: the instant 1 April begins in Montréal, and the instant the next one begins (excluded). */
export function fiscalYearBounds(year: FiscalYear): {
  start: Date;
  end: Date;
  firstDay: string;
  lastDay: string;
} {
  return {
    start: startOfMontrealDay(firstDayOf(year)),
    end: startOfMontrealDay(firstDayOf(year + 1)),
    firstDay: firstDayOf(year),
    lastDay: `${year + 1}-03-31`,
  };
}
