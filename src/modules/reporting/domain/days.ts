/** Calendar days as the reports name them: `2027-03-31`, on a Montréal calendar. */
import { formatDate, startOfMontrealDay } from '../../../kernel/format.ts';

/** The Montréal day `days` days after (or before, when negative) another. */
export function addDays(isoDay: string, days: number): string {
  return formatDate(startOfMontrealDay(isoDay, days));
}

/** Whether a day lies in an inclusive period; an open end (undefined) does not limit. */
export function withinPeriod(isoDay: string, period: { from?: string; to?: string }): boolean {
  return (
    (period.from === undefined || isoDay >= period.from) && (period.to === undefined || isoDay <= period.to)
  );
}
