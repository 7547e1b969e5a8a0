import { and, desc, eq, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { cursorField, decodeCursor, limitField, toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { paymentBatchClaims, paymentBatches } from '../db/tables.ts';
import { BATCH_STATUSES } from '../domain/batch-status.ts';

export const listBatchesInput = z.strictObject({
  programId: z.uuid({ error: 'funding:payments.errors.program' }).optional(),
  status: z.enum(BATCH_STATUSES, { error: 'funding:payments.errors.batch_status' }).optional(),
  cursor: cursorField.optional(),
  limit: limitField,
});

/** Payment batches, newest first, with their totals and number of claims. */
export async function listPaymentBatches(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'payment_batch.manage');
  const query = parseInput(listBatchesInput, input, 'funding');
  const where: SQL[] = [];
  if (query.programId) where.push(eq(paymentBatches.programId, query.programId));
  if (query.status) where.push(eq(paymentBatches.status, query.status));
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (after) {
    const [at, id] = after as [string, string];
    where.push(
      or(
        lt(paymentBatches.createdAt, new Date(at)),
        and(eq(paymentBatches.createdAt, new Date(at)), lt(paymentBatches.id, id)),
      )!,
    );
  }
  const rows = await ctx.db
    .select({
      id: paymentBatches.id,
      programId: paymentBatches.programId,
      status: paymentBatches.status,
      totalCents: paymentBatches.totalCents,
      createdAt: paymentBatches.createdAt,
      paidAt: paymentBatches.paidAt,
      bankReference: paymentBatches.bankReference,
      claimCount:
        sql<number>`(select count(*) from ${paymentBatchClaims} where ${paymentBatchClaims.batchId} = ${paymentBatches.id} and ${paymentBatchClaims.removedAt} is null)`.mapWith(
          Number,
        ),
    })
    .from(paymentBatches)
    .where(and(...where))
    .orderBy(desc(paymentBatches.createdAt), desc(paymentBatches.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
}
