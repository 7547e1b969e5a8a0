import type { Locale } from './locale.ts';

/** Display time zone of the program (DESIGN §4). */
export const TIME_ZONE = 'America/Montreal';

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-CA' : 'en-CA');

/** Intl formatters are costly to build: one of each per language, made on first use. */
export function perLocale<F>(make: (tag: string) => F): (locale: Locale) => F {
  const made = new Map<Locale, F>();
  return (locale) => {
    const formatter = made.get(locale) ?? make(tag(locale));
    made.set(locale, formatter);
    return formatter;
  };
}

const moneyFormat = perLocale((t) => new Intl.NumberFormat(t, { style: 'currency', currency: 'CAD' }));
const wholeMoneyFormat = perLocale(
  (t) => new Intl.NumberFormat(t, { style: 'currency', currency: 'CAD', maximumFractionDigits: 0 }),
);
const numberFormat = perLocale((t) => new Intl.NumberFormat(t));
const timeFormat = perLocale(
  (t) => new Intl.DateTimeFormat(t, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }),
);
const longDateFormat = perLocale(
  (t) => new Intl.DateTimeFormat(t, { timeZone: TIME_ZONE, dateStyle: 'long' }),
);
const isoDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * `1 234,56 $` in French, `$1,234.56` in English; amounts are integer cents. A whole amount reads
 * without cents (`200 $`) unless `withCents` says otherwise, so that amounts shown together (the two
 * ends of a range) can agree.
 */
export function formatMoney(cents: number, locale: Locale, withCents = cents % 100 !== 0): string {
  return (withCents ? moneyFormat : wholeMoneyFormat)(locale).format(cents / 100);
}

export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale).format(value);
}

/** ISO-style calendar date in Montréal, `2027-03-31`, the same in both languages (fr-CA usage). */
export function formatDate(instant: Date, _locale?: Locale): string {
  return isoDateFormat.format(instant);
}

/** `2027-03-31 08 h 00` in French, `2027-03-31 8:00 a.m.` in English, Montréal time. */
export function formatDateTime(instant: Date, locale: Locale): string {
  return `${formatDate(instant)} ${timeFormat(locale).format(instant)}`;
}

/** `31 mars 2027` / `March 31, 2027`. */
export function formatLongDate(instant: Date, locale: Locale): string {
  return longDateFormat(locale).format(instant);
}

/** Minutes Montréal is ahead of UTC at an instant (negative: -300 in winter, -240 in summer). */
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

export function montrealOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')!.value;
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

/** `-04:00` / `-05:00`: an offset in minutes as ISO 8601 writes it. */
export function isoOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const wallClockFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The date and time a Montréal clock shows at an instant: `{date: '2027-03-15', time: '10:00:00', offset: '-04:00'}`. */
export function montrealWallClock(instant: Date): { date: string; time: string; offset: string } {
  const part = Object.fromEntries(wallClockFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    time: `${part.hour}:${part.minute}:${part.second}`,
    offset: isoOffset(montrealOffsetMinutes(instant)),
  };
}

/**
 * The instant a Montréal clock shows this date and time (`2027-03-15`, `10:00` or `10:00:00`), or null
 * when that time does not exist (the hour skipped in spring). A time that happens twice (the hour
 * repeated in autumn) is its first occurrence.
 */
export function montrealInstant(date: string, time: string): Date | null {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute, second = 0] = time.split(':').map(Number) as [number, number, number?];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsets = new Set([
    montrealOffsetMinutes(new Date(wall - 86_400_000)),
    montrealOffsetMinutes(new Date(wall + 86_400_000)),
  ]);
  const instants = [...offsets]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => montrealOffsetMinutes(new Date(instant)) * 60_000 === wall - instant)
    .sort((a, b) => a - b);
  return instants.length > 0 ? new Date(instants[0]!) : null;
}

/** An instant as ISO 8601 with Montréal's offset, `2027-03-15T10:00:00-04:00`: exact, and readable as local time. */
export function montrealIso(instant: Date): string {
  const { date, time, offset } = montrealWallClock(instant);
  return `${date}T${time}${offset}`;
}
