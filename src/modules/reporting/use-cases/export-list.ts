import type { Ctx } from '../../../platform/context.ts';
import { isExportTooLong } from '../../../platform/exports/export.ts';
import type { ExportFile } from '../../../platform/exports/table.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { type ExportRequest, queueExport } from './queue-export.ts';

export type ExportOutcome = { file: ExportFile } | { queued: { id: string } };

/**
 * A list exported from its page: the file at once, or, past the row limit, a job for the person, whose
 * progress and file « Mes exportations » shows. Both run the list's own export use case.
 */
export async function exportList(ctx: Ctx, request: ExportRequest): Promise<ExportOutcome> {
  authorize(ctx.actor, 'export.start');
  try {
    return { file: await ctx.services.listExports[request.list](ctx, request.format, request.filters) };
  } catch (error) {
    if (!isExportTooLong(error)) throw error;
    const job = await queueExport(ctx, request);
    return { queued: { id: job.id } };
  }
}
