/**
 * RFC 4180 CSV read piece by piece (a file too large to hold as one string): `push` gives the rows
 * completed by this piece of text, `end` the last one. Quoted fields may hold delimiters, quotes (doubled)
 * and line breaks; a byte-order mark at the start is dropped; blank lines are skipped.
 */
export class CsvReader {
  private row: string[] = [];
  private field = '';
  private quoted = false;
  /** The previous piece ended on a quote inside a quoted field, or on a carriage return. */
  private pending = '';
  private started = false;
  private readonly delimiter: string;
  constructor(delimiter = ',') {
    this.delimiter = delimiter;
  }

  push(piece: string): string[][] {
    let input = this.pending + piece;
    this.pending = '';
    if (!this.started) {
      if (input === '') return [];
      input = input.replace(/^\uFEFF/, '');
      this.started = true;
    }
    const rows: string[][] = [];
    const { delimiter } = this;
    let field = this.field;
    let from = 0;
    for (let i = 0; i < input.length; i++) {
      const c = input[i]!;
      if (this.quoted) {
        if (c !== '"') continue;
        if (i + 1 === input.length) {
          // A quote at the very end: the next piece tells whether it is doubled or closes the field.
          field += input.slice(from, i);
          this.pending = '"';
          from = input.length;
          break;
        }
        field += input.slice(from, i);
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else this.quoted = false;
        from = i + 1;
      } else if (c === '"' && field === '' && from === i) {
        this.quoted = true;
        from = i + 1;
      } else if (c === delimiter) {
        this.row.push(field + input.slice(from, i));
        field = '';
        from = i + 1;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && i + 1 === input.length) {
          field += input.slice(from, i);
          this.pending = '\r';
          from = input.length;
          break;
        }
        this.row.push(field + input.slice(from, i));
        if (c === '\r' && input[i + 1] === '\n') i++;
        if (this.row.some((f) => f.trim() !== '')) rows.push(this.row);
        this.row = [];
        field = '';
        from = i + 1;
      }
    }
    this.field = field + input.slice(from);
    return rows;
  }

  end(): string[][] {
    const rows = this.pending ? this.push('\n') : [];
    if (this.field !== '' || this.row.length > 0) {
      this.row.push(this.field);
      if (this.row.some((f) => f.trim() !== '')) rows.push(this.row);
    }
    this.row = [];
    this.field = '';
    return rows;
  }
}

/**
 * RFC 4180 CSV in one string. The delimiter is a comma, or a semicolon when the first line has semicolons
 * and no comma (French spreadsheet exports).
 */
export function parseCsv(text: string): string[][] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const reader = new CsvReader(firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',');
  return [...reader.push(text), ...reader.end()];
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
  return FORMULA_START.test(text) ? `'${text}` : text;
}
// Patterns made once: a regular expression literal makes a new object each time it is evaluated, twice
// per field of an export of hundreds of thousands of rows.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\r\n]/;

/** A CSV field as given, quoted when it holds a delimiter, a quote or a line break (RFC 4180). */
export function csvQuote(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
