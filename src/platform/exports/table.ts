import { montrealIso, montrealWallClock } from '../../kernel/format.ts';
import type { Locale } from '../../kernel/locale.ts';
import { foldForSearch } from '../../kernel/text.ts';
import type { Ctx } from '../context.ts';
import type { Translate } from '../i18n/i18n.ts';

/**
 * What a column holds, which decides how both files write it: `text` (neutralised against formulas),
 * `number`, `money` (integer cents, CAD), `date` (an instant, shown in Montréal time) or `day` (a
 * calendar day, `2027-03-31`).
 */
export type ColumnType = 'text' | 'number' | 'money' | 'date' | 'day';

export type ExportValue = string | number | Date | null | undefined;

export type ExportColumn<Row> = {
  /** i18n key of the header (the module's own, e.g. `intake:fields.region`). */
  header: string;
  type: ColumnType;
  /** In characters, for the spreadsheet; CSV has no widths. */
  width?: number;
  value: (row: Row, t: Translate) => ExportValue;
};

/** A list as a file: its title (the sheet's and the file's name, an i18n key) and its columns. */
export type ExportTable<Row> = {
  title: string;
  columns: ExportColumn<Row>[];
};

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Rows to export: a list in memory, or one read a page at a time. */
export type ExportRows<Row> = Iterable<Row> | AsyncIterable<Row>;

export type ExportFile = {
  body: Uint8Array | string;
  contentType: string;
  filename: string;
};

/** A file name any system accepts: the title without accents or punctuation, and the day it was made. */
export function exportFilename(title: string, now: Date, format: ExportFormat | 'pdf'): string {
  const base = foldForSearch(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base || 'export'}-${montrealWallClock(now).date}.${format}`;
}

/** An instant as a Montréal wall clock, in a Date whose UTC fields carry it (spreadsheets have no time zones). */
export function wallClockDate(instant: Date): Date {
  const { date, time } = montrealWallClock(instant);
  return new Date(`${date}T${time}Z`);
}

/** A value as the CSV writes it: ISO 8601 for dates, a point for decimals, dollars for money. */
export function plainText(type: ColumnType, value: ExportValue): string {
  if (value === null || value === undefined || value === '') return '';
  switch (type) {
    case 'money':
      return (Number(value) / 100).toFixed(2);
    case 'date':
      return value instanceof Date ? montrealIso(value) : String(value);
    case 'day':
      return value instanceof Date ? montrealWallClock(value).date : String(value);
    default:
      return String(value);
  }
}

/** Above this many rows (by default; `EXPORT_ROW_LIMIT`) a list is exported by a job, not downloaded at once. */
export const EXPORT_ROW_LIMIT = 5000;

/** Every list that exports, by the name its API and its export jobs use; wiring maps each to its use case. */
export const EXPORT_LISTS = [
  'applications',
  'experts',
  'suppliers',
  'sessions',
  'plans',
  'surveys',
  'claims',
  'agreements',
] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

/** A module's export use case: it authorizes, reads the list with these filters and writes the file. */
export type ListExport = (
  ctx: Ctx,
  format: ExportFormat,
  filters: Record<string, unknown>,
) => Promise<ExportFile>;
export type ListExports = Record<ExportList, ListExport>;

/**
 * How an export runs: a download (the row limit applies), a job (no limit; `progress` hears how many
 * rows were read, and the total once all are), or a probe (no row at all: only who may and which filters
 * are checked, by the list's own use case, before a job is queued).
 */
export type ExportRun =
  | { mode: 'job'; progress: (rowsRead: number, rowsTotal: number | null) => Promise<void> }
  | { mode: 'probe' };

/** What a list's export from its page gives: the file at once, or past the row limit a queued job. */
export type ExportOutcome = { file: ExportFile } | { queued: { id: string } };

export type ExportContext = {
  t: Translate;
  locale: Locale;
  now: () => Date;
  services: { config: { exportRowLimit: number } };
  exportRun?: ExportRun;
};
