/** How the diagnostic's figures read, the same on its pages and in its PDF report. */
import { formatMoney, perLocale } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';

const scoreFormat = perLocale((tag) => new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }));
const ordinalRules = perLocale((tag) => new Intl.PluralRules(tag, { type: 'ordinal' }));
const ordinalSuffixes: Record<Locale, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }> = {
  fr: { one: 'er', other: 'e' },
  en: { one: 'st', two: 'nd', few: 'rd', other: 'th' },
};

/** A score out of 100, to one decimal at most: `31,2` in French, `31.2` in English. */
export function formatScore(score: number, locale: Locale): string {
  return scoreFormat(locale).format(score);
}

/** A change of score with its sign: `+12,5`, `−3` (a true minus sign), `±0`. */
export function formatChange(delta: number, locale: Locale): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${sign}${formatScore(Math.abs(delta), locale)}`;
}

/** A rank: `1er`, `2e` in French; `1st`, `2nd`, `3rd`, `11th`, `21st` in English. */
export function formatOrdinal(rank: number, locale: Locale): string {
  const suffixes = ordinalSuffixes[locale];
  return `${formatScore(rank, locale)}${suffixes[ordinalRules(locale).select(rank)] ?? suffixes.other}`;
}

/**
 * A recommendation's typical cost: `free` when it costs nothing, `single` when both ends are the same
 * amount, else a `range`; `min` and `max` are the amounts as they read (`0 $`, `1 234,56 $`, `$1,234.56`):
 * whole dollars when both ends are whole, else both with cents.
 */
export function typicalCost(costMin: number, costMax: number, locale: Locale) {
  const kind = costMin === 0 && costMax === 0 ? 'free' : costMin === costMax ? 'single' : 'range';
  const withCents = costMin % 100 !== 0 || costMax % 100 !== 0;
  return { kind, min: formatMoney(costMin, locale, withCents), max: formatMoney(costMax, locale, withCents) };
}
