import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { refusalText } from '../db/append-entries.ts';
import { paymentBatches } from '../db/tables.ts';
import { checkBatchApproval } from '../domain/separation-of-duties.ts';
import { batchToManage, getPaymentBatch, lockBatchMove } from './get-payment-batch.ts';

/** A second finance officer approves a draft batch: never the one who built it (409 otherwise). */
export async function approvePaymentBatch(ctx: Ctx, id: string) {
  await batchToManage(ctx, id);
  const actor = signedInActor(ctx.actor);
  await transaction(ctx, async (tx) => {
    const batch = await lockBatchMove(ctx, tx, id, 'approved');
    const verdict = checkBatchApproval(batch, actor.id);
    if (!verdict.ok)
      throw new AppError('conflict', {
        key: 'funding:errors.refused',
        params: { message: refusalText(ctx, verdict) },
        extra: { refusal: 'own_batch' },
      });
    await tx
      .update(paymentBatches)
      .set({ status: 'approved', approvedBy: actor.id, approvedAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(paymentBatches.id, id));
    await appendAudit(tx, ctx, {
      action: 'payment_batch.approved',
      entityType: 'payment_batch',
      entityId: id,
      changes: { totalCents: batch.totalCents },
    });
  });
  return getPaymentBatch(ctx, id);
}
