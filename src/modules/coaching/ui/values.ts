// What the coaching pages read from their forms and show in their fields: amounts the Québec way,
// hours and percentages with a comma or a point, and Montréal dates and times. Pure: used on both sides.
import { formatDateTime, montrealInstant, montrealIso } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { AppError, type FieldIssue } from '../../../platform/errors.ts';

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-CA' : 'en-CA');

/**
 * Dollars as typed (`5 000`, `5000,50`, `5 000 $`, `5,000.50`) as cents; empty is null. Anything else is
 * returned as typed, for validation to name the field.
 */
export function parseMoney(value: string | undefined): number | null | string {
  const compact = (value ?? '').replace(/[\s$]/g, '');
  if (!compact) return null;
  let normalised: string | undefined;
  if (/^\d+([.,]\d{1,2})?$/.test(compact)) normalised = compact.replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(compact)) normalised = compact.replace(/,/g, '');
  return normalised === undefined ? (value ?? '') : Math.round(Number(normalised) * 100);
}

/** Cents as one would type them back: `5 000` or `5 000,50` in French, `5,000.50` in English. */
export function moneyInput(cents: number | null, locale: Locale): string {
  if (cents === null) return '';
  return new Intl.NumberFormat(tag(locale), {
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  })
    .format(cents / 100)
    .replace(/[\u00a0\u202f]/g, ' ');
}

/** A number typed with a comma or a point (`1,5`, `1.5`, `12,5`); empty is undefined; anything else as typed. */
export function parseDecimal(value: string | undefined): number | string | undefined {
  const compact = (value ?? '').replace(/\s/g, '').replace(',', '.');
  if (!compact) return undefined;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : (value ?? '');
}

/** A whole number (jobs); empty is undefined; anything else as typed. */
export function parseWhole(value: string | undefined): number | string | undefined {
  const compact = (value ?? '').replace(/\s/g, '');
  if (!compact) return undefined;
  return /^-?\d+$/.test(compact) ? Number(compact) : (value ?? '');
}

/** A number as a person reads it here: `1,5` in French, `1.5` in English. */
export const readable = (value: number, locale: Locale) =>
  new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 2 }).format(value);

/** A time as typed: `14:30` from a time picker, or `14 h 30`, `14h` by hand; undefined when unreadable. */
function readTime(value: string): string | undefined {
  const match = /^(\d{1,2})\s*(?::|h)\s*(\d{2})?(?::\d{2})?$/i.exec(value.trim());
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * The start of a session from the Montréal date and time of a form, as ISO 8601 with Montréal's offset.
 * Each problem is a message on its own field: a date or a time missing or unreadable, or a time the
 * clock skips in spring (it does not exist that night).
 */
export function sessionStartFrom(
  form: Record<string, string>,
  names: { date: string; time: string } = { date: 'date', time: 'time' },
): string {
  const date = (form[names.date] ?? '').trim();
  const time = readTime(form[names.time] ?? '');
  const issues: FieldIssue[] = [];
  const validDate =
    /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(new Date(`${date}T12:00:00Z`).getTime());
  if (!validDate) issues.push({ path: names.date, key: 'coaching:ui.validation.date' });
  if (!time) issues.push({ path: names.time, key: 'coaching:ui.validation.time' });
  if (issues.length > 0) throw new AppError('invalid_input', { fields: issues });
  const instant = montrealInstant(date, time!);
  if (!instant)
    throw new AppError('invalid_input', {
      fields: [{ path: names.time, key: 'coaching:validation.nonexistent_local_time' }],
    });
  return montrealIso(instant);
}

/** A session's Montréal date (`2027-02-01`), time (`10:00`) for the form, and how it reads. */
export function sessionTime(startsAt: string, durationMinutes: number, locale: Locale) {
  const start = new Date(startsAt);
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  return {
    date: startsAt.slice(0, 10),
    time: startsAt.slice(11, 16),
    when: unbroken(formatDateTime(start, locale)),
    until: unbroken(formatDateTime(end, locale).slice(11)),
  };
}

/** Durations offered for a session, in minutes (the current one is added when it is not among them). */
export const DURATIONS = [30, 45, 60, 90, 120, 180, 240];

/**
 * A short fingerprint of what a form shows, for its React key: the form is drawn again (its fields
 * taking the new values) when the saved data changes, and only then. A key from the action's answer
 * would not do: the answer arrives before the data is read again, and the fields would keep the old values.
 */
export function versionOf(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 33) ^ text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}

/** Times that do not break over two lines: `14 h 30`, `2:30 p.m.`. */
export const unbroken = (text: string) =>
  text.replace(/(\d) h (\d)/g, '$1\u00a0h\u00a0$2').replace(/ ([ap]\.m\.)/g, '\u00a0$1');
