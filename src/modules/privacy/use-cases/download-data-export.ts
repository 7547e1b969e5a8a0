import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { ExportFile } from '../../../platform/exports/table.ts';
import { dataExports } from '../db/data-export-tables.ts';
import { dataExportContent } from '../db/data-exports.ts';
import { effectiveStatus } from '../domain/data-export.ts';
import { loadDataExport } from './get-data-export.ts';

/** The copy's zip, while it is valid; every download is counted and audited (who, when, which copy). */
export async function downloadDataExport(ctx: Ctx, id: string): Promise<ExportFile> {
  const found = await loadDataExport(ctx, id);
  const status = effectiveStatus(found, ctx.now());
  if (status === 'expired') throw new AppError('not_found');
  if (status !== 'ready') throw new AppError('conflict', { key: 'privacy:data_copy.errors.not_ready' });
  const content = await dataExportContent(ctx.db, id);
  if (!content) throw new AppError('not_found');
  await transaction(ctx, async (tx) => {
    await tx
      .update(dataExports)
      .set({ downloads: sql`${dataExports.downloads} + 1` })
      .where(eq(dataExports.id, id));
    await appendAudit(tx, ctx, {
      action: 'data_export.downloaded',
      entityType: 'user',
      entityId: found.userId,
      changes: { exportId: id, sha256: found.sha256 },
    });
  });
  return {
    body: content,
    contentType: 'application/zip',
    filename: `virage-${found.readyAt!.toISOString().slice(0, 10)}-${id.slice(0, 8)}.zip`,
  };
}
