/** What makes two applications look like the same business: the same NEQ, e-mail, phone or address. */
export type DuplicateKeys = {
  neq: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
};

export const normaliseEmail = (email: string | null | undefined) => email?.trim().toLowerCase() || null;
export const normalisePhone = (phone: string | null | undefined) => {
  const digits = phone?.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  return digits && digits.length >= 7 ? digits : null;
};

/** Street and postal code, with accents, case, punctuation and street-type words folded. */
export function addressKey(
  street: string | null | undefined,
  postalCode: string | null | undefined,
): string | null {
  if (!street || !postalCode) return null;
  const folded = street
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\b(rue|avenue|av|boulevard|boul|blvd|chemin|ch|street|st|road|rd|rang)\b/g, '')
    .replace(/[^a-z0-9]+/g, '');
  return `${folded}|${postalCode.replace(/\s/g, '').toUpperCase()}`;
}

export type DuplicateMatch = 'neq' | 'email' | 'phone' | 'address';

export function matchesBetween(a: DuplicateKeys, b: DuplicateKeys): DuplicateMatch[] {
  return (['neq', 'email', 'phone', 'address'] as const).filter(
    (key) => a[key] !== null && a[key] === b[key],
  );
}
