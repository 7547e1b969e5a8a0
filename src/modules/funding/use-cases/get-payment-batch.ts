import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { claimsOfBatch, findBatch, type PayableClaim, type PaymentBatchRow } from '../db/payments.ts';
import { maskedAccount } from '../domain/bank-account.ts';
import { type BatchStatus, canMoveBatch } from '../domain/batch-status.ts';

/** A batch to act on (finance only); 404 when there is none. */
export async function batchToManage(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'payment_batch.manage');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const batch = await findBatch(ctx.db, id);
  if (!batch) throw new AppError('not_found');
  return batch;
}

/** A batch with its claims (business, amount, masked account) and who did what when. */
export async function getPaymentBatch(ctx: Ctx, id: string) {
  const batch = await batchToManage(ctx, id);
  return batchView(batch, await claimsOfBatch(ctx.db, id));
}

type ClaimInBatch = Pick<
  PayableClaim,
  | 'claimId'
  | 'number'
  | 'status'
  | 'applicationId'
  | 'legalName'
  | 'tradeName'
  | 'holderName'
  | 'accountLastDigits'
  | 'amountCents'
>;

export function batchView(batch: PaymentBatchRow, claims: readonly ClaimInBatch[]) {
  return {
    id: batch.id,
    programId: batch.programId,
    status: batch.status,
    totalCents: batch.totalCents,
    claimCount: claims.length,
    createdBy: batch.createdBy,
    createdAt: batch.createdAt,
    approvedBy: batch.approvedBy,
    approvedAt: batch.approvedAt,
    exportedAt: batch.exportedAt,
    paidBy: batch.paidBy,
    paidAt: batch.paidAt,
    bankReference: batch.bankReference,
    claims: claims.map((c) => ({
      claimId: c.claimId,
      claimNumber: c.number,
      claimStatus: c.status,
      applicationId: c.applicationId,
      businessName: c.legalName ?? c.tradeName ?? '',
      holderName: c.holderName,
      accountMasked: c.accountLastDigits ? maskedAccount({ account: c.accountLastDigits }) : null,
      amountCents: c.amountCents,
    })),
  };
}

/** Locks a batch for a move, refusing (409, naming both states) one its state machine does not allow. */
export async function lockBatchMove(ctx: Ctx, tx: Tx, id: string, to: BatchStatus) {
  const batch = (await findBatch(tx, id, true))!;
  if (!canMoveBatch(batch.status, to))
    throw new AppError('conflict', {
      key: 'funding:payments.errors.batch_move',
      params: {
        from: ctx.t(`funding:batchStatuses.${batch.status}`),
        to: ctx.t(`funding:batchStatuses.${to}`),
      },
      extra: { batchStatus: batch.status },
    });
  return batch;
}
