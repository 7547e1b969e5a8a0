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

/** An inclusive period of days, either end open. */
export type DayPeriod = { from?: string; to?: string };

/**
 * A period cut where the dashboard's kept counts can serve it: the whole months inside it (first days,
 * `to` excluded; an open end stays open) and the days at either end outside a whole month, which are
 * counted application by application. `months` is null when no whole month fits.
 */
export function wholeMonthsOf(period: DayPeriod): {
  months: { from?: string; to?: string } | null;
  edges: { from: string; to: string }[];
} {
  const monthOf = (isoDay: string) => `${isoDay.slice(0, 7)}-01`;
  const nextMonth = (firstDay: string) => addDays(firstDay, 31).slice(0, 7).concat('-01');
  const from =
    period.from === undefined
      ? undefined
      : period.from.endsWith('-01')
        ? period.from
        : nextMonth(monthOf(period.from));
  const dayAfter = period.to === undefined ? undefined : addDays(period.to, 1);
  const to = dayAfter === undefined ? undefined : monthOf(dayAfter);
  if (from !== undefined && to !== undefined && from >= to) {
    return { months: null, edges: [{ from: period.from as string, to: period.to as string }] };
  }
  const edges: { from: string; to: string }[] = [];
  if (period.from !== undefined && from !== undefined && period.from < from)
    edges.push({ from: period.from, to: addDays(from, -1) });
  if (period.to !== undefined && to !== undefined && to <= period.to) edges.push({ from: to, to: period.to });
  return {
    months: { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) },
    edges,
  };
}
