import { and, eq, gte, sql } from 'drizzle-orm';
import { formatDate, startOfMontrealDay } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { dataExports } from '../db/data-export-tables.ts';
import { DATA_EXPORT_LIMITS, dataExportLimitReached } from '../domain/data-export.ts';

export const BUILD_DATA_EXPORT_JOB = 'privacy.build-data-export';

/**
 * The person asks for a copy of their data: recorded, audited and handed to a job in one transaction
 * (a copy reads every module's tables, too much for a request); they are e-mailed when it is ready.
 * Refused (429, naming the limit) while a copy is being prepared, or past the day's number of copies;
 * the person's requests are serialised by a transaction lock so two at once cannot both pass.
 */
export async function requestDataExport(ctx: Ctx) {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'data_export.request');
  const id = newId();
  const today = startOfMontrealDay(formatDate(ctx.now()));
  await transaction(ctx, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`data-export:${actor.id}`}))`);
    const mine = eq(dataExports.userId, actor.id);
    const [pending, asked] = await Promise.all([
      tx.$count(dataExports, and(mine, eq(dataExports.status, 'queued'))),
      tx.$count(dataExports, and(mine, gte(dataExports.requestedAt, today))),
    ]);
    const limit = dataExportLimitReached({ pending, today: asked });
    if (limit === 'pending')
      throw new AppError('rate_limited', {
        key: 'privacy:data_copy.errors.pending',
        retryAfter: 60,
        extra: { limit: 'pending', max: DATA_EXPORT_LIMITS.pending },
      });
    if (limit === 'per_day') {
      const tomorrow = startOfMontrealDay(formatDate(ctx.now()), 1);
      throw new AppError('rate_limited', {
        key: 'privacy:data_copy.errors.per_day',
        params: { max: DATA_EXPORT_LIMITS.perDay },
        retryAfter: Math.max(1, Math.ceil((tomorrow.getTime() - ctx.now().getTime()) / 1000)),
        extra: { limit: 'per_day', max: DATA_EXPORT_LIMITS.perDay },
      });
    }
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
