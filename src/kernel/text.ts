/** Invisible control characters (tab and line breaks are allowed in multi-line text only). */
export function hasControlCharacters(
  value: string,
  options: { multiline: boolean } = { multiline: false },
): boolean {
  return options.multiline ? /[^\P{Cc}\t\n\r]/u.test(value) : /\p{Cc}/u.test(value);
}

/** Text folded for searching: no accents, lower case, single spaces (« Café  Noël » finds "cafe noel"). */
export const foldForSearch = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
