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
