const SPACES = /[\s\u00a0\u202f]/g;

/**
 * A number as typed in a form field (`250`, `1 000`; with `decimals`, `2,5` or `2.5`). Empty means
 * "not given"; anything else is returned as typed, so that the use case's schema names the field.
 */
export function formNumber(
  value: string | null | undefined,
  options: { decimals?: boolean } = {},
): number | string | undefined {
  const typed = (value ?? '').replace(SPACES, '');
  if (typed === '') return undefined;
  const normalised = options.decimals ? typed.replace(',', '.') : typed;
  return (options.decimals ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/).test(normalised) ? Number(normalised) : value!;
}

/**
 * A dollar amount as typed in Québec (`1 234,56`, `1234,56 $`) or in English (`$1,234.56`), in
 * integer cents; anything else is returned as typed. Empty gives undefined.
 */
export function readDollars(value: string | undefined): number | string | undefined {
  const typed = (value ?? '').replace(SPACES, '').replace(/^\$|\$$/g, '');
  if (typed === '') return undefined;
  let normalised: string | undefined;
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(typed))
    normalised = typed.replace(/,/g, ''); // 1,234.56
  else if (/^\d+([.,]\d{1,2})?$/.test(typed)) normalised = typed.replace(',', '.'); // 1234,56 or 1234.56
  return normalised === undefined ? (value ?? '') : Math.round(Number(normalised) * 100);
}

/** Cents as an administrator types them back: `1 234,56` in French, `1,234.56` in English, no symbol. */
export function dollarsForInput(cents: number, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/**
 * A percentage as typed (`90`, `12,5 %`), in basis points (9000, 1250): rates are stored as integers.
 * Empty gives undefined; anything else is returned as typed, for the schema to name the field.
 */
export function readPercent(value: string | undefined): number | string | undefined {
  const typed = (value ?? '').replace(/%\s*$/, '');
  const number = formNumber(typed, { decimals: true });
  return typeof number === 'number' ? Math.round(number * 100) : number === undefined ? undefined : value!;
}

/** Basis points as a person types the percentage back: `12,5` in French, `12.5` in English. */
export function percentForInput(basisPoints: number, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    maximumFractionDigits: 2,
    useGrouping: false,
  }).format(basisPoints / 100);
}
