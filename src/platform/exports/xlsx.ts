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
  const data: SheetRow[] = [table.columns.map((c) => ({ value: t(c.header), fontWeight: 'bold' }))];
  for await (const row of rows) data.push(table.columns.map((c) => cell(c.type, c.value(row, t))));
  return writeXlsxFile(
    data,
    {
      sheet: sheetName(title),
      stickyRowsCount: 1,
      columns: table.columns.map((c) => ({ width: c.width ?? 16 })),
    },
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
