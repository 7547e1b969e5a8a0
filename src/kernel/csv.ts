/**
 * RFC 4180 CSV: quoted fields may hold delimiters, quotes (doubled) and line breaks. The delimiter is a
 * comma, or a semicolon when the first line has semicolons and no comma (French spreadsheet exports).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  const firstLine = input.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Rows as objects keyed by the (trimmed, lower-cased) header line. */
export function parseCsvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [header = [], ...rows] = parseCsv(text);
  const names = header.map((h) => h.trim().toLowerCase());
  return {
    header: names,
    records: rows.map((r) => Object.fromEntries(names.map((n, i) => [n, (r[i] ?? '').trim()]))),
  };
}

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab or carriage return at the start), prefixed
 * with an apostrophe so it stays text, in a CSV file as in an XLSX cell.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A CSV field as given, quoted when it holds a delimiter, a quote or a line break (RFC 4180). */
export function csvQuote(text: string): string {
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV field, quoted when needed, with formulas neutralised so exports are safe to open. A number is
 * written as it is: it cannot be a formula, and a negative one (a gain, a reversal) must stay a number.
 */
export function csvField(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text =
    value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  return csvQuote(neutraliseFormula(text));
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
