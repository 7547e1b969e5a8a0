import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { lockAgreement } from '../db/agreements.ts';
import { agreements } from '../db/tables.ts';
import { getAgreement } from './get-agreement.ts';
import { assertStatus, loadAgreement } from './load-agreement.ts';

export const declineAgreementInput = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

/** The retailer declines the offer, saying why; nothing was committed, so nothing is released. */
export async function declineAgreement(ctx: Ctx, id: string, input: unknown) {
  await loadAgreement(ctx, id, 'agreement.respond');
  const data = parseInput(declineAgreementInput, input, 'funding');
  await transaction(ctx, async (tx) => {
    const agreement = (await lockAgreement(tx, id))!;
    assertStatus(ctx, agreement, ['offered']);
    await tx
      .update(agreements)
      .set({
        status: 'declined',
        declinedAt: ctx.now(),
        endReason: data.reason,
        version: agreement.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(agreements.id, id));
    await appendAudit(tx, ctx, {
      action: 'agreement.declined',
      entityType: 'application',
      entityId: agreement.applicationId,
      changes: { agreementId: id, reason: data.reason },
    });
  });
  return getAgreement(ctx, id);
}
