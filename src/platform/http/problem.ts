import type { i18n } from 'i18next';
import { formatNumber } from '../../kernel/format.ts';
import type { Locale } from '../../kernel/locale.ts';
import { AppError, type FieldIssue, isAppError } from '../errors.ts';

export type LocalisedError = {
  code: string;
  status: number;
  title: string;
  detail: string;
  errors: { path: string; message: string }[];
};

/**
 * The label of a field in the caller's language: `fields.<path>` (`actions.2.owner`, then
 * `actions.owner`, then `owner`) in `ns` first, then in any namespace; else the path itself.
 */
export function fieldLabel(i18n: i18n, locale: Locale, path: string, ns?: string): string {
  const every = (i18n.options.ns as string[] | undefined) ?? ['common'];
  const namespaces = ns ? [ns, ...every.filter((n) => n !== ns)] : [...every];
  const t = i18n.getFixedT(locale);
  const generic = path.replace(/\.\d+(?=\.|$)/g, '');
  for (const candidate of new Set([path, generic, generic.split('.').at(-1)!])) {
    const label = t(`fields.${candidate}`, { ns: namespaces, defaultValue: '' });
    if (label) return label;
  }
  return path;
}

/** The namespace a field issue's labels are looked up in first: its own, else its message's module's. */
export function issueNamespace(issue: FieldIssue): string | undefined {
  if (issue.ns) return issue.ns;
  const ns = issue.key.split(':')[0];
  return ns && ns !== issue.key && ns !== 'common' ? ns : undefined;
}

/** An error as the person will read it: title, detail, and one message per field naming the field. */
export function localiseError(error: unknown, i18n: i18n, locale: Locale): LocalisedError {
  const appError = isAppError(error) ? error : new AppError('internal');
  const t = i18n.getFixedT(locale);
  return {
    code: appError.code,
    status: appError.status,
    title: t(`common:errors.${appError.code}`),
    detail: t(appError.key, withReadableNumbers(appError.params, locale)),
    errors: appError.fields.map((f) => ({
      path: f.path,
      message: t(f.key, {
        ...withReadableNumbers(f.params, locale),
        field: fieldLabel(i18n, locale, f.path, issueNamespace(f)),
      }),
    })),
  };
}

/**
 * Message parameters with their numbers written the reader's way: « 4 000 » in French, "4,000" in
 * English. `count` stays a number, since i18next picks the plural form from it; a number to show as is
 * (a year) is passed as a string by whoever raises the error.
 */
function withReadableNumbers(params: Record<string, unknown> | undefined, locale: Locale) {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'number' && name !== 'count' ? formatNumber(value, locale) : value,
    ]),
  );
}

/** RFC 9457 problem document. */
export function problemBody(localised: LocalisedError, requestId: string, extra?: Record<string, unknown>) {
  return {
    type: `urn:virage:problem:${localised.code}`,
    title: localised.title,
    status: localised.status,
    detail: localised.detail,
    code: localised.code,
    errors: localised.errors,
    requestId,
    ...extra,
  };
}
