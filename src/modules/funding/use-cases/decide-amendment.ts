import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { lockAgreement } from '../db/agreements.ts';
import { agreementAmendments, agreements } from '../db/tables.ts';
import type { CostCategory } from '../domain/cost-categories.ts';
import { getAgreement } from './get-agreement.ts';
import { assertStatus, loadAgreement } from './load-agreement.ts';
import { notifyRetailer } from './notify-retailer.ts';
import { applyAmendment } from './propose-amendment.ts';

export const decideAmendmentInput = z
  .strictObject({
    decision: z.enum(['approved', 'refused']),
    reason: z.string().trim().max(2000).default(''),
  })
  .refine((v) => v.decision === 'approved' || v.reason.length > 0, {
    error: 'funding:agreements.errors.reason_required',
    path: ['reason'],
  });

/**
 * The team decides an amendment waiting for approval. Approved, the new grant is committed again
 * through the hard rule (a refusal there is a 409 and the amendment keeps waiting); either way the
 * agreement returns to `accepted` and the retailer is told. Nobody decides their own proposal.
 */
export async function decideAmendment(ctx: Ctx, id: string, amendmentId: string, input: unknown) {
  authorize(ctx.actor, 'agreement.decide');
  const { file } = await loadAgreement(ctx, id, 'agreement.read');
  if (!UUID_PATTERN.test(amendmentId)) throw new AppError('not_found');
  const data = parseInput(decideAmendmentInput, input, 'funding');
  await transaction(ctx, async (tx) => {
    const agreement = (await lockAgreement(tx, id))!;
    const [amendment] = await tx
      .select()
      .from(agreementAmendments)
      .where(
        and(
          eq(agreementAmendments.id, amendmentId),
          eq(agreementAmendments.agreementId, id),
          isNull(agreementAmendments.decision),
        ),
      );
    if (!amendment) throw new AppError('not_found');
    assertStatus(ctx, agreement, ['amendment_requested']);
    if (ctx.actor.kind === 'user' && amendment.requestedBy === ctx.actor.id)
      throw new AppError('conflict', { key: 'funding:agreements.errors.own_amendment' });
    await tx
      .update(agreementAmendments)
      .set({
        decision: data.decision,
        decisionReason: data.reason,
        decidedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        decidedAt: ctx.now(),
      })
      .where(eq(agreementAmendments.id, amendmentId));
    if (data.decision === 'approved')
      await applyAmendment(
        tx,
        ctx,
        agreement,
        amendment.proposedLines.map((l) => ({ ...l, category: l.category as CostCategory })),
      );
    else
      await tx
        .update(agreements)
        .set({ status: 'accepted', version: agreement.version + 1, updatedAt: ctx.now() })
        .where(eq(agreements.id, id));
    await appendAudit(tx, ctx, {
      action: `agreement.amendment_${data.decision}`,
      entityType: 'application',
      entityId: agreement.applicationId,
      changes: { agreementId: id, amendmentId, reason: data.reason },
    });
    await notifyRetailer(tx, ctx, file, `funding:agreements.mail.amendment_${data.decision}`, () => ({
      reason: data.reason,
    }));
  });
  return getAgreement(ctx, id);
}
