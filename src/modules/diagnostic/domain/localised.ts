import type { Locale } from '../../../kernel/locale.ts';

export type Localised = Record<Locale, string>;
