import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { type AgreementRow, aidRulesVersionOf, linesOf, lockAgreement } from '../db/agreements.ts';
import { agreementAmendments, agreements } from '../db/tables.ts';
import { type AgreementLineInput, agreementLinesInput, amendmentReasons } from '../domain/agreements.ts';
import { agreementSource } from './accept-agreement.ts';
import { grantFor } from './agreement-view.ts';
import { commitFunds } from './commit-funds.ts';
import { getAgreement } from './get-agreement.ts';
import { assertStatus, loadAgreement } from './load-agreement.ts';
import { saveGrant } from './prepare-agreement.ts';

export const proposeAmendmentInput = z.strictObject({
  lines: agreementLinesInput,
  reason: z.string().trim().min(1).max(2000),
});

/**
 * The retailer (or the team for them) proposes changed lines on an accepted agreement. A substituted
 * item, a line changing by more than 20 % or a bigger grant waits for the team's decision; a smaller
 * change applies at once, its grant (under the agreement's frozen rules) re-committed in the ledger.
 */
export async function proposeAmendment(ctx: Ctx, id: string, input: unknown) {
  await loadAgreement(ctx, id, 'agreement.amend');
  const data = parseInput(proposeAmendmentInput, input, 'funding');
  const result = await transaction(ctx, async (tx) => {
    const agreement = (await lockAgreement(tx, id))!;
    assertStatus(ctx, agreement, ['accepted']);
    const before = await linesOf(tx, id);
    const proposed = data.lines.map((l) => ({
      id: l.id ?? null,
      category: l.category,
      description: l.description,
      amountCents: l.amountCents,
    }));
    const rules = (await aidRulesVersionOf(tx, agreement.rulesVersionId)).rules;
    const after = await grantFor(
      tx,
      agreement,
      rules,
      proposed.map((l, i) => ({ ...l, id: l.id ?? `new-${i}` })),
    );
    const reasons = amendmentReasons(before, proposed, {
      beforeCents: agreement.grantCents ?? 0,
      afterCents: after.amountCents,
    });
    const amendmentId = newId();
    const decided = reasons.length === 0;
    await tx.insert(agreementAmendments).values({
      id: amendmentId,
      agreementId: id,
      proposedLines: proposed,
      reason: data.reason,
      requestedBy: ctx.actor.kind === 'user' ? ctx.actor.id : agreement.acceptedBy!,
      requestedAt: ctx.now(),
      ...(decided ? { decision: 'approved' as const, decidedAt: ctx.now() } : {}),
    });
    if (decided) await applyAmendment(tx, ctx, agreement, data.lines);
    else
      await tx
        .update(agreements)
        .set({ status: 'amendment_requested', version: agreement.version + 1, updatedAt: ctx.now() })
        .where(eq(agreements.id, id));
    await appendAudit(tx, ctx, {
      action: decided ? 'agreement.amended' : 'agreement.amendment_requested',
      entityType: 'application',
      entityId: agreement.applicationId,
      changes: { agreementId: id, amendmentId, reasons, reason: data.reason },
    });
    return { amendmentId, applied: decided, reasons };
  });
  return { ...result, agreement: await getAgreement(ctx, id) };
}

/**
 * Makes the amended lines the agreement's, with the grant they give under its frozen rules, and
 * commits that grant in place of the old one (the same source replaces the commitment): the hard
 * rule is checked again, and a refusal leaves everything as it was.
 */
export async function applyAmendment(
  tx: Tx,
  ctx: Ctx,
  agreement: AgreementRow,
  lines: readonly AgreementLineInput[],
): Promise<void> {
  const rules = (await aidRulesVersionOf(tx, agreement.rulesVersionId)).rules;
  // Lines kept keep their planned supplier and quotation: an amendment is about amounts and items.
  const before = await linesOf(tx, agreement.id);
  const grant = await saveGrant(
    tx,
    ctx,
    agreement,
    rules,
    lines.map((line) => {
      const previous = before.find((b) => b.id === line.id);
      return {
        ...line,
        plannedSupplier: line.plannedSupplier ?? previous?.plannedSupplier ?? null,
        quotation: line.quotation ?? previous?.quotation ?? null,
      };
    }),
  );
  await tx
    .update(agreements)
    .set({ status: 'accepted', version: agreement.version + 1, updatedAt: ctx.now() })
    .where(eq(agreements.id, agreement.id));
  await commitFunds(tx, ctx, {
    envelopeId: agreement.envelopeId,
    fiscalYear: agreement.fiscalYear,
    applicationId: agreement.applicationId,
    amountCents: grant.amountCents,
    reason: ctx.t('funding:agreements.ledger_amended'),
    source: agreementSource(agreement.id),
    cause: 'amendment',
  });
}
