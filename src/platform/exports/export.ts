import { AppError, isAppError } from '../errors.ts';
import type { ApiReply } from '../http/api.ts';
import { everyPage, type Page } from '../pagination.ts';
import { writeCsv } from './csv.ts';
import {
  type ExportContext,
  type ExportFile,
  type ExportFormat,
  type ExportRows,
  type ExportTable,
  exportFilename,
} from './table.ts';
import { writeXlsx } from './xlsx.ts';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A list as a CSV or XLSX file, in the reader's language, named after its title and the day. */
export async function exportFile<Row>(
  ctx: ExportContext,
  format: ExportFormat,
  table: ExportTable<Row>,
  rows: ExportRows<Row>,
): Promise<ExportFile> {
  const limited = counted(ctx, rows);
  return {
    body:
      format === 'csv'
        ? await writeCsv(table, limited, ctx.t)
        : await writeXlsx(table, limited, ctx.t, ctx.locale),
    contentType: CONTENT_TYPES[format],
    filename: exportFilename(ctx.t(table.title), ctx.now(), format),
  };
}

/**
 * A paged list as a file: every page its list use case reads with the given filters (a page's own
 * cursor and size dropped), so the file keeps the list's filters and order.
 */
export function exportPagedList<Row>(
  ctx: ExportContext,
  format: ExportFormat,
  table: ExportTable<Row>,
  readPage: (input: Record<string, unknown>) => Promise<Page<Row>>,
  filters: Record<string, unknown>,
): Promise<ExportFile> {
  const { cursor: _, limit: __, ...query } = filters;
  const rows = everyPage((cursor) => readPage({ ...query, limit: 200, ...(cursor ? { cursor } : {}) }));
  return exportFile(ctx, format, table, rows);
}

const TOO_LONG_KEY = 'common:exports.too_many';
/** A job writes its progress this often (rows), not at every row. */
const PROGRESS_EVERY = 1000;

/**
 * The rows, stopped past the download limit (a page then queues a job: `isExportTooLong`); in a job,
 * unlimited, with the rows read told as they go and the total at the end.
 */
async function* counted<Row>(ctx: ExportContext, rows: ExportRows<Row>): AsyncGenerator<Row> {
  const run = ctx.exportRun;
  const limit =
    run?.mode === 'job'
      ? Number.POSITIVE_INFINITY
      : run?.mode === 'probe'
        ? 0
        : ctx.services.config.exportRowLimit;
  let count = 0;
  for await (const row of rows) {
    if (++count > limit) {
      throw new AppError('payload_too_large', {
        key: TOO_LONG_KEY,
        params: { limit },
        extra: { rowLimit: limit },
      });
    }
    if (run?.mode === 'job' && count % PROGRESS_EVERY === 0) await run.progress(count, null);
    yield row;
  }
  if (run?.mode === 'job') await run.progress(count, count);
}

/** The export stopped at the row limit: a page exports it as a job instead. */
export function isExportTooLong(error: unknown): boolean {
  return isAppError(error) && error.key === TOO_LONG_KEY;
}

/** The file as a download from a page's resource route (the app adds no-store and nosniff to every answer). */
export function downloadResponse(file: ExportFile): Response {
  return new Response(file.body as BodyInit, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
    },
  });
}

/** The file as an API operation's answer. */
export function downloadReply(file: ExportFile): ApiReply {
  return { status: 200, file: file.body, contentType: file.contentType, filename: file.filename };
}
