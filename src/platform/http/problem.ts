import type { i18n } from 'i18next';
import type { Locale } from '../../kernel/locale.ts';
import { AppError, isAppError } from '../errors.ts';

export type LocalisedError = {
  code: string;
  status: number;
  title: string;
  detail: string;
  errors: { path: string; message: string }[];
};

/** The label of a field in the caller's language: `fields.<path>` in any namespace, else the path itself. */
export function fieldLabel(i18n: i18n, locale: Locale, path: string): string {
  const namespaces = [...((i18n.options.ns as string[] | undefined) ?? ['common'])];
  const t = i18n.getFixedT(locale);
  const generic = path.replace(/\.\d+(?=\.|$)/g, '');
  for (const candidate of new Set([path, generic, generic.split('.').at(-1)!])) {
    const label = t(`fields.${candidate}`, { ns: namespaces, defaultValue: '' });
    if (label) return label;
  }
  return path;
}

/** An error as the person will read it: title, detail, and one message per field naming the field. */
export function localiseError(error: unknown, i18n: i18n, locale: Locale): LocalisedError {
  const appError = isAppError(error) ? error : new AppError('internal');
  const t = i18n.getFixedT(locale);
  return {
    code: appError.code,
    status: appError.status,
    title: t(`common:errors.${appError.code}`),
    detail: t(appError.key, appError.params),
    errors: appError.fields.map((f) => ({
      path: f.path,
      message: t(f.key, { ...f.params, field: fieldLabel(i18n, locale, f.path) }),
    })),
  };
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
