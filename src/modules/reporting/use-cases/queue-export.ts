import { and, eq, inArray, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { type ExportJob, exportJobs } from '../../../platform/exports/jobs-table.ts';
import type { ExportFormat, ExportList } from '../../../platform/exports/table.ts';
import { newId } from '../../../platform/ids.ts';

export const RUN_EXPORT_JOB = 'reporting.run-export';

export type ExportRequest = { list: ExportList; format: ExportFormat; filters: Record<string, string> };

/**
 * Records an export for the person asking and queues its job, in one transaction with its audit event.
 * The same request still queued or running is answered with that job, so asking twice (a link clicked
 * again) does not export twice. The caller has checked, through the list's use case, that they may.
 */
export async function queueExport(ctx: Ctx, request: ExportRequest): Promise<ExportJob> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new AppError('forbidden');
  return transaction(ctx, async (tx) => {
    const [pending] = await tx
      .select()
      .from(exportJobs)
      .where(
        and(
          eq(exportJobs.requestedBy, actor.id),
          eq(exportJobs.list, request.list),
          eq(exportJobs.format, request.format),
          eq(exportJobs.locale, ctx.locale),
          sql`${exportJobs.filters} = ${JSON.stringify(request.filters)}::jsonb`,
          inArray(exportJobs.status, ['queued', 'running']),
        ),
      )
      .limit(1);
    if (pending) return pending;
    const [job] = await tx
      .insert(exportJobs)
      .values({
        id: newId(),
        requestedBy: actor.id,
        ...request,
        locale: ctx.locale,
        createdAt: ctx.now(),
      })
      .returning();
    await appendAudit(tx, ctx, {
      action: 'export.started',
      entityType: 'export_job',
      entityId: job!.id,
      changes: { ...request },
    });
    await ctx.services.jobs.enqueue(tx, RUN_EXPORT_JOB, { id: job!.id });
    return job!;
  });
}
