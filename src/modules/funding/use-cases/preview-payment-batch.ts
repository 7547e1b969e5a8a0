import type { Ctx } from '../../../platform/context.ts';
import { paymentApprovedClaims } from '../db/payments.ts';
import { batchRequest, blockedOf, selectionOf } from './build-payment-batch.ts';

/** What building a batch now would pay and leave out (with the reasons), without writing anything. */
export async function previewPaymentBatch(ctx: Ctx, input: unknown) {
  const { programId, limitCents } = await batchRequest(ctx, input);
  const approved = await paymentApprovedClaims(ctx.db, programId);
  const selection = selectionOf(approved, limitCents ?? null, await blockedOf(ctx.db, approved));
  return {
    programId,
    limitCents: limitCents ?? null,
    totalCents: selection.totalCents,
    claims: selection.lines,
    excluded: selection.exclusions,
  };
}
