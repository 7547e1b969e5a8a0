import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { formatMoney } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { ledgerSums, lockEnvelopeYear } from '../db/ledger.ts';
import { agreements, recoveries, recoveryRepayments } from '../db/tables.ts';
import { balancesOf, totalsOf } from '../domain/ledger.ts';
import { centsSchema } from '../domain/money.ts';
import { recoveryReference } from '../domain/recovery-reference.ts';
import { fileOf } from './get-bank-account.ts';
import { listRecoveries, repaymentPayee } from './list-recoveries.ts';
import { notifyRetailer } from './notify-retailer.ts';

export const recoveryInput = z.strictObject({
  agreementId: z.uuid({ error: 'funding:payments.errors.agreement' }),
  amountCents: centsSchema.refine((a) => a > 0, { error: 'funding:errors.amount_positive' }),
  reason: z
    .string({ error: 'funding:payments.errors.reason' })
    .trim()
    .min(1, { error: 'funding:payments.errors.reason' })
    .max(2000, { error: 'funding:payments.errors.reason' }),
});

/**
 * Finance records a receivable against a business (an ineligible cost found later, double funding),
 * on the envelope and fiscal year of the agreement that paid it. What is claimed back never exceeds
 * what was paid there less what other recoveries still claim. The ledger moves when money comes back
 * (`recordRepayment`), not before.
 */
export async function createRecovery(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'recovery.manage');
  const actor = signedInActor(ctx.actor);
  const { agreementId, amountCents, reason } = parseInput(recoveryInput, input, 'funding');
  const [agreement] = await ctx.db.select().from(agreements).where(eq(agreements.id, agreementId));
  if (!agreement) throw new AppError('not_found');
  const { applicationId, envelopeId, fiscalYear } = agreement;
  const file = await fileOf(ctx, applicationId);
  const id = newId();
  await transaction(ctx, async (tx) => {
    // Serialised with payments and other recoveries of the envelope-year.
    await lockEnvelopeYear(tx, envelopeId, fiscalYear);
    const { paid } = totalsOf(
      balancesOf(await ledgerSums(tx, envelopeId, { fiscalYears: [], applicationIds: [applicationId] })),
      { envelopeId, fiscalYear, businessId: applicationId },
    );
    const [open] = await tx
      .select({
        due: sql<number>`coalesce(sum(${recoveries.amountCents} - coalesce((select sum(${recoveryRepayments.amountCents}) from ${recoveryRepayments} where ${recoveryRepayments.recoveryId} = ${recoveries.id}), 0)), 0)::bigint`.mapWith(
          Number,
        ),
      })
      .from(recoveries)
      .where(
        and(
          eq(recoveries.applicationId, applicationId),
          eq(recoveries.envelopeId, envelopeId),
          eq(recoveries.fiscalYear, fiscalYear),
        ),
      );
    const recoverable = paid - (open?.due ?? 0);
    if (amountCents > recoverable) {
      const params = { recoverable: formatMoney(Math.max(0, recoverable), ctx.locale, true) };
      throw new AppError('conflict', {
        key: 'funding:payments.errors.recovery_above_paid',
        params,
        fields: [{ path: 'amountCents', key: 'funding:payments.errors.recovery_above_paid', params }],
        extra: { recoverableCents: Math.max(0, recoverable) },
      });
    }
    await tx.insert(recoveries).values({
      id,
      applicationId,
      agreementId,
      envelopeId,
      fiscalYear,
      amountCents,
      reason,
      createdBy: actor.id,
      createdAt: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'recovery.created',
      entityType: 'application',
      entityId: applicationId,
      changes: { recoveryId: id, agreementId, amountCents, reason },
    });
    // The business learns of it at once, with how to repay; « Mon aide » keeps the balance.
    await notifyRetailer(tx, ctx, file, 'funding:payments.mail.recovery_created', (locale) => ({
      amount: formatMoney(amountCents, locale, true),
      reason,
      payee: repaymentPayee(ctx, locale),
      reference: recoveryReference(id),
    }));
  });
  const { items } = await listRecoveries(ctx, { applicationId });
  return items.find((r) => r.id === id)!;
}
