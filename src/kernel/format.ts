import type { Locale } from './locale.ts';

/** Display time zone of the program (DESIGN §4). */
export const TIME_ZONE = 'America/Montreal';

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-CA' : 'en-CA');

/** `1 234,56 $` in French, `$1,234.56` in English; amounts are integer cents. */
export function formatMoney(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale)).format(value);
}

/** ISO-style calendar date in Montréal, `2027-03-31`, the same in both languages (fr-CA usage). */
export function formatDate(instant: Date, _locale?: Locale): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** `2027-03-31 08 h 00` in French, `2027-03-31 8:00 a.m.` in English, Montréal time. */
export function formatDateTime(instant: Date, locale: Locale): string {
  const time = new Intl.DateTimeFormat(tag(locale), {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
  return `${formatDate(instant)} ${time}`;
}

/** `31 mars 2027` / `March 31, 2027`. */
export function formatLongDate(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: TIME_ZONE, dateStyle: 'long' }).format(instant);
}

/** Minutes Montréal is ahead of UTC at an instant (negative: -300 in winter, -240 in summer). */
function montrealOffsetMinutes(instant: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The instant a Montréal calendar day (`2027-03-31`) begins, plus `days` days; daylight saving included. */
export function startOfMontrealDay(isoDay: string, days = 0): Date {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, day + days);
  // The offset at local midnight, found from a first guess (the day's own offset can differ after a change).
  const guess = midnightUtc - montrealOffsetMinutes(new Date(midnightUtc)) * 60_000;
  return new Date(midnightUtc - montrealOffsetMinutes(new Date(guess)) * 60_000);
}
