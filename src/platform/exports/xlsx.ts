import writeXlsxFile, { type Cell, type Row as SheetRow } from 'write-excel-file/node';
import { neutraliseFormula } from '../../kernel/csv.ts';
import type { Locale } from '../../kernel/locale.ts';
import type { Translate } from '../i18n/i18n.ts';
import {
  type ColumnType,
  type ExportRows,
  type ExportTable,
  type ExportValue,
  wallClockDate,
} from './table.ts';

/** Excel shows these with the reader's own separators: `1 234,56 $` in French, `1,234.56 $` in English. */
const MONEY_FORMAT = '#,##0.00\\ "$"';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const DAY_FORMAT = 'yyyy-mm-dd';

/**
 * An XLSX workbook of one sheet: a bold, frozen header row; numbers and money as numbers (money with a
 * currency format), dates as dates; text with formulas neutralised by a leading apostrophe as in CSV —
 * a text cell is not evaluated when opened, but it is once edited or re-saved as CSV (decision 19).
 */
export async function writeXlsx<Row>(
  table: ExportTable<Row>,
  rows: ExportRows<Row>,
  t: Translate,
  locale: Locale,
): Promise<Uint8Array> {
  const title = t(table.title);
  const data: (SheetValue | null)[][] = [
    table.columns.map((c) => ({ type: 'text', value: t(c.header), bold: true })),
  ];
  for await (const row of rows)
    data.push(table.columns.map((c) => ({ type: c.type, value: c.value(row, t) })));
  return writeWorkbook(
    [{ name: title, rows: data, widths: table.columns.map((c) => c.width ?? 16), stickyRows: 1 }],
    title,
    locale,
  );
}

/** A value of a sheet, written as its type says (see `writeXlsx`); `bold` for headings. */
export type SheetValue = { type: ColumnType; value: ExportValue; bold?: boolean };

/** One sheet of a workbook: its name (shortened to Excel's 31 characters), widths, rows, frozen rows. */
export type WorkbookSheet = {
  name: string;
  widths: number[];
  rows: (SheetValue | null)[][];
  stickyRows?: number;
};

/** A workbook of several sheets, typed as `writeXlsx` types its one, with its title and language. */
export function writeWorkbook(sheets: WorkbookSheet[], title: string, locale: Locale): Promise<Uint8Array> {
  const sheetCell = (v: SheetValue | null): Cell => {
    const written = v ? cell(v.type, v.value) : null;
    return written && v?.bold ? { ...written, fontWeight: 'bold' } : written;
  };
  return writeXlsxFile(
    sheets.map((sheet) => ({
      data: sheet.rows.map((row) => row.map(sheetCell)) as SheetRow[],
      sheet: sheetName(sheet.name),
      columns: sheet.widths.map((width) => ({ width })),
      ...(sheet.stickyRows ? { stickyRowsCount: sheet.stickyRows } : {}),
    })),
    { features: [documentProperties(title, locale)] },
  ).toBuffer();
}

function cell(type: ColumnType, value: ExportValue): Cell {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'number':
      return { type: Number, value: Number(value) };
    case 'money':
      return { type: Number, value: Number(value) / 100, format: MONEY_FORMAT };
    case 'date':
      return value instanceof Date
        ? { type: Date, value: wallClockDate(value), format: DATE_TIME_FORMAT }
        : null;
    case 'day':
      return {
        type: Date,
        value: value instanceof Date ? wallClockDate(value) : new Date(`${value}T00:00:00Z`),
        format: DAY_FORMAT,
      };
    default:
      return { type: String, value: neutraliseFormula(String(value)) };
  }
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** The title and language in the file's properties, so assistive software reads it in the right language. */
function documentProperties(title: string, locale: Locale) {
  const core = 'docProps/core.xml';
  return {
    files: {
      write: {
        files: () => ({
          [core]:
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
            `<dc:title>${escapeXml(title)}</dc:title><dc:language>${locale}-CA</dc:language>` +
            '</cp:coreProperties>',
        }),
      },
      transform: {
        '[Content_Types].xml': {
          insert: () =>
            `<Override PartName="/${core}" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`,
        },
        '_rels/.rels': {
          insert: () =>
            `<Relationship Id="rIdCoreProperties" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="${core}"/>`,
        },
      },
    },
  };
}
