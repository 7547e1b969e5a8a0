import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createI18n, translatorFor } from '../../../src/platform/i18n/i18n.ts';
import type { Locale } from './browser.ts';
import { ROOT } from './virage-server.ts';

/**
 * The pages' own words, from the translation files, so that a journey reads what people read.
 * `folders` gives each namespace's folder of `fr.json` and `en.json`; a key without a namespace is
 * looked up in `defaultNamespace`.
 */
export function pageWords(folders: Record<string, string>, defaultNamespace: string) {
  const i18n = createI18n(
    Object.fromEntries(
      (['fr', 'en'] as const).map((locale) => [
        locale,
        Object.fromEntries(
          Object.entries(folders).map(([namespace, folder]) => [
            namespace,
            JSON.parse(readFileSync(path.join(ROOT, folder, `${locale}.json`), 'utf8')),
          ]),
        ),
      ]),
    ) as never,
  );
  return (locale: Locale) => {
    const t = translatorFor(i18n, locale);
    return (key: string, values: Record<string, unknown> = {}) =>
      t(key.includes(':') ? key : `${defaultNamespace}:${key}`, values) as string;
  };
}

/** Today's date in Montréal plus `days`, as a date input holds it (`2026-12-07`). */
export function montrealDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Montreal',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
}
