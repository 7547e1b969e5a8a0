import { AppError } from '../errors.ts';
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

/** Beyond this many rows a download would hold the server too long: narrow the filters. */
export const EXPORT_ROW_LIMIT = 5000;

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
  const limited = atMost(rows, EXPORT_ROW_LIMIT);
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

async function* atMost<Row>(rows: ExportRows<Row>, limit: number): AsyncGenerator<Row> {
  let count = 0;
  for await (const row of rows) {
    if (++count > limit) {
      throw new AppError('payload_too_large', { key: 'common:exports.too_many', params: { limit } });
    }
    yield row;
  }
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
