import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { committedLeftOf, lockAgreement } from '../db/agreements.ts';
import { agreements } from '../db/tables.ts';
import { agreementSource } from './accept-agreement.ts';
import { getAgreement } from './get-agreement.ts';
import { assertStatus, loadAgreement } from './load-agreement.ts';
import { releaseFunds } from './release-funds.ts';

export const closeAgreementInput = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

/**
 * The team closes an accepted agreement (the project is over, or abandoned): what is still committed
 * and was never claimed goes back to the envelope, released in the ledger.
 */
export async function closeAgreement(ctx: Ctx, id: string, input: unknown) {
  authorize(ctx.actor, 'agreement.decide');
  await loadAgreement(ctx, id, 'agreement.read');
  const data = parseInput(closeAgreementInput, input, 'funding');
  await transaction(ctx, async (tx) => {
    const agreement = (await lockAgreement(tx, id))!;
    assertStatus(ctx, agreement, ['accepted']);
    const unused = await committedLeftOf(tx, agreement);
    if (unused > 0)
      await releaseFunds(tx, ctx, {
        envelopeId: agreement.envelopeId,
        fiscalYear: agreement.fiscalYear,
        applicationId: agreement.applicationId,
        amountCents: unused,
        reason: data.reason,
        source: agreementSource(id),
        cause: 'closure',
      });
    await tx
      .update(agreements)
      .set({
        status: 'closed',
        closedAt: ctx.now(),
        endReason: data.reason,
        version: agreement.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(agreements.id, id));
    await appendAudit(tx, ctx, {
      action: 'agreement.closed',
      entityType: 'application',
      entityId: agreement.applicationId,
      changes: { agreementId: id, releasedCents: unused, reason: data.reason },
    });
  });
  return getAgreement(ctx, id);
}
