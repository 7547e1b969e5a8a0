import { and, eq, lte } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { removeExportFile } from '../../../platform/exports/folder.ts';
import { exportJobs } from '../../../platform/exports/jobs-table.ts';
import { authorize } from '../../../wiring/authorize.ts';

/**
 * The daily clean-up: finished exports past their week lose their file (the record stays, `expired`,
 * so the person sees what happened to it).
 */
export async function deleteExpiredExports(ctx: Ctx): Promise<number> {
  authorize(ctx.actor, 'export.run');
  const expired = await ctx.db
    .select({ id: exportJobs.id, format: exportJobs.format })
    .from(exportJobs)
    .where(and(eq(exportJobs.status, 'done'), lte(exportJobs.expiresAt, ctx.now())));
  for (const job of expired) {
    await removeExportFile(ctx.services.config, `${job.id}.${job.format}`);
    await transaction(ctx, async (tx) => {
      await tx.update(exportJobs).set({ status: 'expired' }).where(eq(exportJobs.id, job.id));
      await appendAudit(tx, ctx, { action: 'export.expired', entityType: 'export_job', entityId: job.id });
    });
  }
  return expired.length;
}
