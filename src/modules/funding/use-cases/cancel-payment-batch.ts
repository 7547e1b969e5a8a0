import { and, eq, isNull } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { claimsOfBatch, moveClaims } from '../db/payments.ts';
import { paymentBatchClaims, paymentBatches } from '../db/tables.ts';
import { batchToManage, getPaymentBatch, lockBatchMove } from './get-payment-batch.ts';

/**
 * Cancels a batch not yet sent to the bank (draft or approved): its claims go back to the queue,
 * approved for payment, for a later batch. An exported file is in the bank's hands: it is not cancelled here.
 */
export async function cancelPaymentBatch(ctx: Ctx, id: string) {
  await batchToManage(ctx, id);
  await transaction(ctx, async (tx) => {
    await lockBatchMove(ctx, tx, id, 'cancelled');
    const claims = await claimsOfBatch(tx, id);
    const now = ctx.now();
    await tx
      .update(paymentBatchClaims)
      .set({ removedAt: now })
      .where(and(eq(paymentBatchClaims.batchId, id), isNull(paymentBatchClaims.removedAt)));
    await moveClaims(
      tx,
      claims.map((c) => c.claimId),
      'payment_approved',
      now,
    );
    await tx
      .update(paymentBatches)
      .set({ status: 'cancelled', updatedAt: now })
      .where(eq(paymentBatches.id, id));
    await appendAudit(tx, ctx, {
      action: 'payment_batch.cancelled',
      entityType: 'payment_batch',
      entityId: id,
      changes: { claims: claims.map((c) => c.claimId) },
    });
  });
  return getPaymentBatch(ctx, id);
}
