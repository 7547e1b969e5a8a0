import i18next, { type i18n, type TFunction } from 'i18next';
import { frenchElision } from '../../kernel/french-elision.ts';
import { DEFAULT_LOCALE, type Locale } from '../../kernel/locale.ts';

/** Translations per language, then per namespace (one namespace per module). */
export type Resources = Record<Locale, Record<string, Record<string, unknown>>>;

export type Translate = TFunction;

/** The one shared, fully loaded instance; requests take fixed translators or clones of it. */
export function createI18n(resources: Resources): i18n {
  const instance = i18next.createInstance().use(frenchElision);
  instance.init({
    resources,
    lng: DEFAULT_LOCALE,
    fallbackLng: false,
    supportedLngs: ['fr', 'en'],
    ns: Object.keys(resources.fr),
    defaultNS: 'common',
    nsSeparator: ':',
    keySeparator: '.',
    interpolation: { escapeValue: false },
    postProcess: [frenchElision.name],
    returnNull: false,
    initAsync: false,
  } as Parameters<i18n['init']>[0]);
  return instance;
}

export function translatorFor(root: i18n, locale: Locale): Translate {
  return root.getFixedT(locale);
}

const perLocale = new WeakMap<i18n, Map<Locale, i18n>>();

/**
 * An instance whose language is fixed to `locale`, sharing the loaded resources: what a rendered page
 * hands to React. Made once per language and reused (nothing changes its language afterwards), rather
 * than cloned on every request.
 */
export function instanceFor(root: i18n, locale: Locale): i18n {
  const byLocale = perLocale.get(root) ?? new Map<Locale, i18n>();
  perLocale.set(root, byLocale);
  const instance = byLocale.get(locale) ?? root.cloneInstance({ lng: locale, initAsync: false });
  byLocale.set(locale, instance);
  return instance;
}
