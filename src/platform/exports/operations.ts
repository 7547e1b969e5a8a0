import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { type ApiOperation, defineOperation } from '../http/api.ts';
import { CONTENT_TYPES, downloadReply } from './export.ts';
import { EXPORT_FORMATS, type ExportFile, type ExportFormat } from './table.ts';

/**
 * A list's exports in the API: `GET /exports/<list>.csv` and `.xlsx`, taking the list's own filters as
 * query parameters. Two operations, so each documents the one media type it answers.
 */
export function exportOperations(spec: {
  /** `exportApplications` gives `exportApplicationsCsv` and `exportApplicationsXlsx`. */
  operationId: string;
  list: string;
  summary: string;
  tag: string;
  query?: z.ZodType;
  make: (ctx: Ctx, format: ExportFormat, query: Record<string, string>) => Promise<ExportFile>;
}): ApiOperation[] {
  return EXPORT_FORMATS.map((format) =>
    defineOperation({
      operationId: `${spec.operationId}${format === 'csv' ? 'Csv' : 'Xlsx'}`,
      method: 'get',
      path: `/exports/${spec.list}.${format}`,
      summary: `${spec.summary} (${format.toUpperCase()})`,
      tag: spec.tag,
      access: 'user',
      ...(spec.query ? { query: spec.query } : {}),
      produces: CONTENT_TYPES[format].split(';')[0]!,
      handle: async (ctx, { query }) => downloadReply(await spec.make(ctx, format, query)),
    }),
  );
}
