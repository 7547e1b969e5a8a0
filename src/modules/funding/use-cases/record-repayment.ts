import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { formatMoney } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId, UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { appendEntries } from '../db/append-entries.ts';
import { recoveries, recoveryRepayments } from '../db/tables.ts';
import { entryOf } from '../domain/ledger.ts';
import { centsSchema, sumCents } from '../domain/money.ts';
import { listRecoveries } from './list-recoveries.ts';

export const repaymentInput = z.strictObject({
  amountCents: centsSchema.refine((a) => a > 0, { error: 'funding:errors.amount_positive' }),
  receivedOn: z.iso.date({ error: 'funding:errors.date' }),
  reference: z
    .string({ error: 'funding:payments.errors.reference' })
    .trim()
    .min(1, { error: 'funding:payments.errors.reference' })
    .max(100, { error: 'funding:payments.errors.reference' }),
});

/**
 * Finance records money a business repaid against a recovery: in one transaction, the repayment and
 * the ledger's `recover` entry (paid → recovered, cause `clawback`). Never more than is still due.
 */
export async function recordRepayment(ctx: Ctx, recoveryId: string, input: unknown) {
  authorize(ctx.actor, 'recovery.manage');
  const actor = signedInActor(ctx.actor);
  if (!UUID_PATTERN.test(recoveryId)) throw new AppError('not_found');
  const { amountCents, receivedOn, reference } = parseInput(repaymentInput, input, 'funding');
  const applicationId = await transaction(ctx, async (tx) => {
    const [recovery] = await tx.select().from(recoveries).where(eq(recoveries.id, recoveryId)).for('update');
    if (!recovery) throw new AppError('not_found');
    const repaid = await tx
      .select({ amountCents: recoveryRepayments.amountCents })
      .from(recoveryRepayments)
      .where(eq(recoveryRepayments.recoveryId, recoveryId));
    const dueCents = recovery.amountCents - sumCents(repaid.map((r) => r.amountCents));
    if (amountCents > dueCents) {
      const params = { due: formatMoney(dueCents, ctx.locale, true) };
      throw new AppError('conflict', {
        key: 'funding:payments.errors.repayment_above_due',
        params,
        fields: [{ path: 'amountCents', key: 'funding:payments.errors.repayment_above_due', params }],
        extra: { dueCents },
      });
    }
    const id = newId();
    await appendEntries(
      tx,
      ctx,
      [
        entryOf('recover', {
          id: newId(),
          envelopeId: recovery.envelopeId,
          fiscalYear: recovery.fiscalYear,
          businessId: recovery.applicationId,
          amountCents,
          cause: 'clawback',
        }),
      ],
      { reason: `repayment ${reference} of ${receivedOn}`, source: `recovery:${recoveryId}` },
    );
    await tx.insert(recoveryRepayments).values({
      id,
      recoveryId,
      amountCents,
      receivedOn,
      reference,
      recordedBy: actor.id,
      createdAt: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'recovery.repaid',
      entityType: 'application',
      entityId: recovery.applicationId,
      changes: { recoveryId, amountCents, receivedOn, reference },
    });
    return recovery.applicationId;
  });
  const { items } = await listRecoveries(ctx, { applicationId });
  return items.find((r) => r.id === recoveryId)!;
}
