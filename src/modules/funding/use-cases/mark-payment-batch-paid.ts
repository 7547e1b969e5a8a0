import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { formatMoney } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { type MailRequest, queueMails } from '../../../platform/mail/queue-mail.ts';
import { parseInput } from '../../../platform/validation.ts';
import { appendEntries } from '../db/append-entries.ts';
import { claimsOfBatch, moveClaims } from '../db/payments.ts';
import { paymentBatches } from '../db/tables.ts';
import { entryOf } from '../domain/ledger.ts';
import { batchToManage, batchView, lockBatchMove } from './get-payment-batch.ts';

export const markPaidInput = z.strictObject({
  /** The bank's reference of the payment run, as on the bank's confirmation. */
  bankReference: z
    .string({ error: 'funding:payments.errors.bank_reference' })
    .trim()
    .min(1, { error: 'funding:payments.errors.bank_reference' })
    .max(35, { error: 'funding:payments.errors.bank_reference' }),
});

/**
 * Finance records that the bank paid an exported batch. In one transaction: its claims become `paid`,
 * the ledger moves each amount from payable to paid (cause `batch`, checked like every entry: nothing
 * is paid that was not payable), and each retailer is e-mailed in their language.
 */
export async function markPaymentBatchPaid(ctx: Ctx, id: string, input: unknown) {
  await batchToManage(ctx, id);
  const actor = signedInActor(ctx.actor);
  const { bankReference } = parseInput(markPaidInput, input, 'funding');
  return transaction(ctx, async (tx) => {
    const batch = await lockBatchMove(ctx, tx, id, 'paid');
    const claims = await claimsOfBatch(tx, id);
    const now = ctx.now();
    await appendEntries(
      tx,
      ctx,
      claims.map((c) =>
        entryOf('pay', {
          id: newId(),
          envelopeId: c.envelopeId,
          fiscalYear: c.fiscalYear,
          businessId: c.applicationId,
          amountCents: c.amountCents,
          cause: 'batch',
        }),
      ),
      { reason: `paid, bank reference ${bankReference}`, source: `batch:${id}` },
    );
    await moveClaims(
      tx,
      claims.map((c) => c.claimId),
      'paid',
      now,
    );
    const [paid] = await tx
      .update(paymentBatches)
      .set({ status: 'paid', paidBy: actor.id, paidAt: now, bankReference, updatedAt: now })
      .where(eq(paymentBatches.id, id))
      .returning();
    await appendAudit(tx, ctx, {
      action: 'payment_batch.paid',
      entityType: 'payment_batch',
      entityId: id,
      changes: { bankReference, totalCents: batch.totalCents, claims: claims.length },
    });
    await queueMails(
      tx,
      ctx,
      claims.flatMap((c): MailRequest[] =>
        c.retailerEmail
          ? [
              {
                to: c.retailerEmail,
                locale: c.retailerLocale ?? 'fr',
                template: 'funding:payments.mail.claim_paid',
                params: {
                  name: c.retailerName ?? '',
                  business: c.legalName ?? c.tradeName ?? '',
                  number: c.number,
                  amount: formatMoney(c.amountCents, c.retailerLocale ?? 'fr', true),
                  reference: bankReference,
                },
              },
            ]
          : [],
      ),
    );
    // The answer from what the transaction holds: reading 3,000 claims back would double the work.
    return batchView(
      paid!,
      claims.map((c) => ({ ...c, status: 'paid' as const })),
    );
  });
}
