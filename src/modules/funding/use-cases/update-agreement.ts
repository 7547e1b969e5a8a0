import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { lockAgreement } from '../db/agreements.ts';
import { agreements } from '../db/tables.ts';
import { getAgreement } from './get-agreement.ts';
import { assertStatus, loadAgreement } from './load-agreement.ts';
import { agreementTerms, rulesInForce, saveGrant } from './prepare-agreement.ts';

export const updateAgreementInput = z.strictObject({
  ...agreementTerms,
  /** The version the form was read at: a stale form answers 409 instead of overwriting a colleague's edit. */
  version: z.number().int().min(1),
});

/** A 409 for a form read before someone else saved: reload and redo the change. */
export function assertVersion(agreement: { version: number }, version: number) {
  if (agreement.version !== version)
    throw new AppError('conflict', {
      key: 'funding:agreements.errors.stale',
      extra: { currentVersion: agreement.version },
    });
}

/** The coordinator edits a draft; its grant follows the rules in force until it is offered. */
export async function updateAgreement(ctx: Ctx, id: string, input: unknown) {
  await loadAgreement(ctx, id, 'agreement.prepare');
  const data = parseInput(updateAgreementInput, input, 'funding');
  await transaction(ctx, async (tx) => {
    const agreement = (await lockAgreement(tx, id))!;
    assertVersion(agreement, data.version);
    assertStatus(ctx, agreement, ['draft']);
    const rules = await rulesInForce(tx, ctx, agreement.programId);
    const [saved] = await tx
      .update(agreements)
      .set({
        rulesVersionId: rules.id,
        otherPublicAidCents: data.otherPublicAidCents,
        gstRegistered: data.gstRegistered,
        qstRegistered: data.qstRegistered,
        version: agreement.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(agreements.id, id))
      .returning();
    const grant = await saveGrant(tx, ctx, saved!, rules.rules, data.lines);
    await appendAudit(tx, ctx, {
      action: 'agreement.edited',
      entityType: 'application',
      entityId: agreement.applicationId,
      changes: {
        agreementId: id,
        grantCents: [agreement.grantCents, grant.amountCents],
        otherPublicAidCents: [agreement.otherPublicAidCents, data.otherPublicAidCents],
      },
    });
  });
  return getAgreement(ctx, id);
}
