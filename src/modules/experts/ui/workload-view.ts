import { formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';

/** Hours with at most one decimal, the reader's way: `12,5` in French, `12.5` in English. */
export const hours = (value: number, locale: Locale) => formatNumber(Math.round(value * 10) / 10, locale);

/** The numbers of a load indicator, written the reader's way. */
export function loadFigures(activeFiles: number, capacity: number, locale: Locale) {
  return {
    activeFiles: formatNumber(activeFiles, locale),
    capacity: formatNumber(capacity, locale),
    percent: formatNumber(capacity > 0 ? Math.round((activeFiles / capacity) * 100) : 100, locale),
    free: formatNumber(Math.max(0, capacity - activeFiles), locale),
  };
}

/** `mars 2027` / `March 2027` for a `2027-03` month. */
export function monthName(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-15T12:00:00Z`));
}
