/** Invisible control characters (tab and line breaks are allowed in multi-line text only). */
export function hasControlCharacters(
  value: string,
  options: { multiline: boolean } = { multiline: false },
): boolean {
  return options.multiline ? /[^\P{Cc}\t\n\r]/u.test(value) : /\p{Cc}/u.test(value);
}
