import { and, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { claimsOfBatch, moveClaims } from '../db/payments.ts';
import { paymentBatchClaims, paymentBatches } from '../db/tables.ts';
import { batchToManage, getPaymentBatch } from './get-payment-batch.ts';

/**
 * Takes one claim out of a draft batch (a doubt about it, a payment to hold): it goes back to the
 * queue and the batch's total drops. The last claim is not removed: cancel the batch instead.
 */
export async function removeBatchClaim(ctx: Ctx, id: string, claimId: string) {
  await batchToManage(ctx, id);
  if (!UUID_PATTERN.test(claimId)) throw new AppError('not_found');
  await transaction(ctx, async (tx) => {
    const [batch] = await tx.select().from(paymentBatches).where(eq(paymentBatches.id, id)).for('update');
    if (batch!.status !== 'draft')
      throw new AppError('conflict', { key: 'funding:payments.errors.not_draft' });
    const claims = await claimsOfBatch(tx, id);
    const claim = claims.find((c) => c.claimId === claimId);
    if (!claim) throw new AppError('not_found');
    if (claims.length === 1) throw new AppError('conflict', { key: 'funding:payments.errors.last_claim' });
    const now = ctx.now();
    await tx
      .update(paymentBatchClaims)
      .set({ removedAt: now })
      .where(
        and(
          eq(paymentBatchClaims.batchId, id),
          eq(paymentBatchClaims.claimId, claimId),
          isNull(paymentBatchClaims.removedAt),
        ),
      );
    await moveClaims(tx, [claimId], 'payment_approved', now);
    await tx
      .update(paymentBatches)
      .set({ totalCents: sql`${paymentBatches.totalCents} - ${claim.amountCents}`, updatedAt: now })
      .where(eq(paymentBatches.id, id));
    await appendAudit(tx, ctx, {
      action: 'payment_batch.claim_removed',
      entityType: 'payment_batch',
      entityId: id,
      changes: { claimId, amountCents: claim.amountCents },
    });
  });
  return getPaymentBatch(ctx, id);
}
