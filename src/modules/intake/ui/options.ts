import type { TFunction } from 'i18next';
import { REVENUE_BANDS } from '../../../kernel/business.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { NAICS_RETAIL } from '../../../kernel/quebec.ts';
import { LANGUAGES_SERVED, ONLINE_PRESENCE } from '../domain/choices.ts';

/** Choices shown in the intake forms, in the reader's language. */
export const naicsOptions = (locale: Locale) =>
  NAICS_RETAIL.map((n) => ({ value: n.code, label: `${n.code} – ${n[locale]}` }));
/** A subsector as the forms list it (`458 – Clothing…`), or the code itself when it is not a retail one. */
export const naicsLabel = (code: string, locale: Locale) =>
  naicsOptions(locale).find((n) => n.value === code)?.label ?? code;
export const revenueOptions = (t: TFunction) =>
  REVENUE_BANDS.map((b) => ({ value: b, label: t(`ui.revenue.${b}`) }));
export const presenceOptions = (t: TFunction) =>
  ONLINE_PRESENCE.map((p) => ({ value: p, label: t(`ui.presence.${p}`) }));
export const languageOptions = (t: TFunction) =>
  LANGUAGES_SERVED.map((l) => ({ value: l, label: t(`ui.languages.${l}`) }));
