import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { CONTENT_TYPES } from '../../../platform/exports/export.ts';
import { readExportFile } from '../../../platform/exports/folder.ts';
import type { ExportFile } from '../../../platform/exports/table.ts';
import { EXPORT_RETENTION_DAYS } from '../domain/export-jobs.ts';
import { getExportJob } from './get-export-job.ts';

/** The file of a finished export, for the person who asked only; every download is audited. */
export async function downloadExport(ctx: Ctx, id: string): Promise<ExportFile> {
  const job = await getExportJob(ctx, id);
  if (job.status === 'expired')
    throw new AppError('not_found', {
      key: 'reporting:exports.expired',
      params: { days: EXPORT_RETENTION_DAYS },
    });
  if (job.status !== 'done' || !job.fileName) {
    throw new AppError('conflict', { key: 'reporting:exports.not_ready' });
  }
  const body = await readExportFile(ctx.services.config, `${job.id}.${job.format}`);
  await transaction(ctx, (tx) =>
    appendAudit(tx, ctx, {
      action: 'export.downloaded',
      entityType: 'export_job',
      entityId: job.id,
      changes: { list: job.list, format: job.format, rows: job.rowsTotal },
    }),
  );
  return { body: new Uint8Array(body), contentType: CONTENT_TYPES[job.format], filename: job.fileName };
}
