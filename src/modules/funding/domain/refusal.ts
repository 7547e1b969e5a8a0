import { formatMoney } from '../../../kernel/format.ts';
import type { Locale, Translate } from '../../../kernel/locale.ts';

/**
 * Why a rule says no: an i18n key (`funding:errors.…`), the values its message needs, and the field
 * it is about when there is one, so a page puts the message next to that field and an API answer
 * names it in `errors[].path`.
 */
export type Refusal = { key: string; field?: string; params: Record<string, string | number> };

export type Verdict = { ok: true } | ({ ok: false } & Refusal);

export const OK: Verdict = { ok: true };

export function refuse(key: string, params: Refusal['params'] = {}, field?: string): Verdict {
  return field === undefined ? { ok: false, key, params } : { ok: false, key, field, params };
}

/**
 * A refusal in words. Amounts travel as `…Cents` numbers and are shown as money under the name
 * without the suffix (`leftCents` → `{{left}}`, « 1 234,56 $ »); names the domain does not know (an
 * envelope's name for its id) come from the caller in `names`.
 */
export function refusalMessage(
  refusal: Refusal,
  t: Translate,
  locale: Locale,
  names: Record<string, string> = {},
): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(refusal.params)) {
    if (name.endsWith('Cents') && typeof value === 'number')
      values[name.slice(0, -'Cents'.length)] = formatMoney(value, locale, true);
    else values[name] = String(value);
  }
  return t(refusal.key, { ...values, ...names });
}
