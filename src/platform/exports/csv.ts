import { csvField, csvQuote } from '../../kernel/csv.ts';
import type { Translate } from '../i18n/i18n.ts';
import { type ExportRows, type ExportTable, plainText } from './table.ts';

/**
 * RFC 4180 CSV: comma, CRLF, fields quoted when needed; UTF-8 with a byte-order mark, without which
 * Excel reads accents as Windows-1252 (decision 19). Values are machine-readable (ISO 8601 dates,
 * decimal point, money in dollars); text is neutralised against formulas, typed values need not be.
 */
export async function writeCsv<Row>(table: ExportTable<Row>, rows: ExportRows<Row>, t: Translate) {
  const lines = [table.columns.map((c) => csvField(t(c.header))).join(',')];
  for await (const row of rows) {
    lines.push(
      table.columns
        .map((c) => {
          const value = c.value(row, t);
          return c.type === 'text' ? csvField(value) : csvQuote(plainText(c.type, value));
        })
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
