import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { signalRow } from '../db/queries.ts';
import { signals } from '../db/tables.ts';
import { SIGNAL_OUTCOMES } from '../domain/kinds.ts';
import { signalView } from './signal-view.ts';

export const resolveSignalInput = z.strictObject({
  outcome: z
    .enum(SIGNAL_OUTCOMES, { error: 'signals:errors.outcome' })
    .describe('dismissed: the files are legitimate; confirmed: the abuse is real'),
  reason: z
    .string({ error: 'signals:errors.reason' })
    .trim()
    .min(3, { error: 'signals:errors.reason' })
    .max(2000, { error: 'signals:errors.reason' })
    .describe('Why, in words: kept with the decision and in the audit trail'),
});

/**
 * A person decides on an open signal: dismissed as legitimate, or confirmed, with the reason. The
 * decision stays across recomputations until the files concerned change (then the signal reopens).
 * Nothing else moves: a signal never blocks a file by itself; acting on it is the reviewer's decision.
 */
export async function resolveSignal(ctx: Ctx, id: string, input: unknown) {
  authorize(ctx.actor, 'signal.resolve');
  const actor = signedInActor(ctx.actor);
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const { outcome, reason } = parseInput(resolveSignalInput, input, 'signals');
  await transaction(ctx, async (tx) => {
    const [row] = await tx.select().from(signals).where(eq(signals.id, id)).for('update');
    if (!row) throw new AppError('not_found');
    if (row.status !== 'open')
      throw new AppError('conflict', { key: 'signals:errors.resolved', params: { status: row.status } });
    await tx
      .update(signals)
      .set({
        status: outcome,
        resolutionReason: reason,
        resolvedBy: actor.id,
        resolvedByName: actor.name,
        resolvedAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .where(eq(signals.id, id));
    await appendAudit(tx, ctx, {
      action: 'signal.resolved',
      entityType: 'signal',
      entityId: id,
      changes: { kind: row.kind, status: ['open', outcome], reason },
    });
  });
  return signalView(ctx, (await signalRow(ctx.db, id))!);
}
