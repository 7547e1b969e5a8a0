import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { dataExports } from '../db/data-export-tables.ts';

export const BUILD_DATA_EXPORT_JOB = 'privacy.build-data-export';

/**
 * The person asks for a copy of their data: recorded, audited and handed to a job in one transaction
 * (a copy reads every module's tables, too much for a request); they are e-mailed when it is ready.
 */
export async function requestDataExport(ctx: Ctx) {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'data_export.request');
  const id = newId();
  await transaction(ctx, async (tx) => {
    await tx
      .insert(dataExports)
      .values({ id, userId: actor.id, locale: actor.locale, requestedAt: ctx.now(), status: 'queued' });
    await appendAudit(tx, ctx, {
      action: 'data_export.requested',
      entityType: 'user',
      entityId: actor.id,
      changes: { exportId: id },
    });
    await ctx.services.jobs.enqueue(tx, BUILD_DATA_EXPORT_JOB, { id });
  });
  return { id, status: 'queued' as const };
}
