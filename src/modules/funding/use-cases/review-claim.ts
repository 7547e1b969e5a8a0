import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { formatMoney } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { fieldLabel } from '../../../platform/http/problem.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { newId } from '../../../platform/ids.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { appendEntries } from '../db/append-entries.ts';
import { applicantOf, type ClaimRow, findClaim, lockClaim, reviewsOf } from '../db/claims.ts';
import { aidRulesVersions, claimReviews, claims } from '../db/tables.ts';
import { financeApproversFor } from '../domain/aid-rules.ts';
import { REVIEW_DECISIONS, statusAfterReview } from '../domain/claim-review.ts';
import { entryOf } from '../domain/ledger.ts';
import { checkApproval, REVIEW_STEPS, requiredSteps } from '../domain/separation-of-duties.ts';
import { claimView } from './claim-view.ts';
import { loadClaim } from './load-claim.ts';
import { notifyReviewers } from './notify-reviewers.ts';

/** What corrections may name: the claim's invoices, one of their fields, or their receipts. */
const CORRECTABLE =
  /^invoices(\.\d{1,2}\.(budgetLineId|supplierName|invoiceNumber|invoiceDate|subtotalCents|gstCents|qstCents|gstNumber|qstNumber|invoiceFile|proofOfPayment))?$/;

export const reviewInput = z
  .strictObject({
    step: z.enum(REVIEW_STEPS),
    decision: z.enum(REVIEW_DECISIONS),
    reason: z.string().trim().max(4000).default(''),
    fields: z
      .array(
        z.strictObject({
          field: z.string().regex(CORRECTABLE, { error: 'funding:claims.errors.correction_field' }),
          message: z.string().trim().min(1).max(1000),
        }),
      )
      .max(50)
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== 'approved' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'funding:claims.errors.reason_required' });
    if (v.decision === 'corrections_requested' && v.fields.length === 0)
      ctx.addIssue({ code: 'custom', path: ['fields'], message: 'funding:claims.errors.fields_required' });
  });

/**
 * A reviewer decides one step of a claim: the content (the business's expert or the team), then the
 * financial review and the payment approval(s) (finance; a second finance officer above the rules'
 * level). Nobody approves a step of their own work (they wrote the claim, or prepared or offered the
 * agreement) nor two steps of one claim. Corrections name the fields and send the claim back to the
 * retailer; a refusal ends it. The last payment approval makes the claimable amount payable in the
 * ledger, in the same transaction. Every decision is kept, audited, and the retailer is told by e-mail
 * when the claim comes back to them, is refused or approved; the reviewers of the next step are told it
 * waits for them.
 */
export async function reviewClaim(ctx: Ctx, id: string, input: unknown) {
  const loaded = await loadClaim(ctx, id, 'claim.read');
  const review = parseInput(reviewInput, input, 'funding');
  authorize(ctx.actor, review.step === 'content' ? 'claim.review_content' : 'claim.review_finance', loaded);
  const reviewer = signedInActor(ctx.actor);
  await transaction(ctx, async (tx) => {
    const claim = (await lockClaim(tx, id))!;
    if (claim.reviewStep !== review.step)
      throw new AppError('conflict', { key: 'funding:errors.step_not_due', params: { step: review.step } });
    // Who prepared and offered the agreement, its envelope and rules: fixed once it is accepted.
    const { agreement } = loaded;
    const [version] = await tx
      .select({ rules: aidRulesVersions.rules })
      .from(aidRulesVersions)
      .where(eq(aidRulesVersions.id, agreement.rulesVersionId));
    const financeApprovers = financeApproversFor(version!.rules, claim.claimableCents ?? 0);
    const approvals = (await reviewsOf(tx, id))
      .filter((r) => r.decision === 'approved')
      .map((r) => ({ step: r.step, userId: r.reviewerId, round: r.round }));
    const thisRound = approvals.filter((a) => a.round === claim.round);
    if (review.decision === 'approved') {
      const authorIds = [claim.createdBy, agreement.preparedBy, agreement.offeredBy].filter(
        (userId): userId is string => userId !== null,
      );
      // Approvals of earlier rounds count too: a second step of one claim is a second step, whatever the round.
      const verdict = checkApproval(
        { authorIds, approvals: thisRound, financeApprovers },
        { step: review.step, userId: reviewer.id },
      );
      const secondStep = approvals.some((a) => a.userId === reviewer.id && a.step !== review.step);
      if (!verdict.ok)
        throw new AppError(verdict.key === 'funding:errors.step_not_due' ? 'conflict' : 'forbidden', {
          key: verdict.key,
          params: verdict.params,
        });
      if (secondStep) throw new AppError('forbidden', { key: 'funding:errors.second_step' });
    }
    const status = statusAfterReview(review.decision, review.step, financeApprovers);
    const nextStep =
      review.decision === 'approved' && status !== 'payment_approved'
        ? (requiredSteps(financeApprovers)[thisRound.length + 1] ?? null)
        : null;
    await tx.insert(claimReviews).values({
      id: newId(),
      claimId: id,
      round: claim.round,
      step: review.step,
      decision: review.decision,
      reason: review.reason,
      fields: review.decision === 'corrections_requested' ? review.fields : null,
      reviewerId: reviewer.id,
      createdAt: ctx.now(),
    });
    await tx
      .update(claims)
      .set({
        status,
        reviewStep: nextStep,
        corrections: review.decision === 'corrections_requested' ? review.fields : claim.corrections,
        version: claim.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(claims.id, id));
    if (status === 'payment_approved' && (claim.claimableCents ?? 0) > 0)
      await appendEntries(
        tx,
        ctx,
        [
          entryOf('approve', {
            id: newId(),
            envelopeId: agreement.envelopeId,
            fiscalYear: agreement.fiscalYear,
            businessId: claim.applicationId,
            amountCents: claim.claimableCents!,
            cause: 'claim',
          }),
        ],
        { reason: `claim ${claim.number} payment approved`, source: `claim:${id}` },
      );
    await appendAudit(tx, ctx, {
      action: `claim.${review.decision}`,
      entityType: 'claim',
      entityId: id,
      changes: {
        step: review.step,
        round: claim.round,
        status: [claim.status, status],
        reason: review.reason,
        ...(review.fields.length ? { fields: review.fields.map((f) => f.field) } : {}),
      },
    });
    if (nextStep) await notifyReviewers(tx, ctx, loaded, nextStep);
    if (status !== claim.status && ['corrections_requested', 'refused', 'payment_approved'].includes(status))
      await tellRetailer(tx, ctx, claim, status, review);
  });
  return claimView(ctx, ctx.db, (await findClaim(ctx.db, id))!);
}

/** The e-mail to the retailer, in their language, with a link to the claim. */
async function tellRetailer(
  tx: Tx,
  ctx: Ctx,
  claim: ClaimRow,
  status: string,
  review: z.output<typeof reviewInput>,
) {
  const retailer = await applicantOf(tx, claim.applicationId);
  if (!retailer) return;
  const t = translatorFor(ctx.services.i18n, retailer.locale);
  const fields = review.fields
    .map((f) =>
      t('funding:claims.mail.field_line', {
        field: fieldLabel(ctx.services.i18n, retailer.locale, f.field, 'funding'),
        message: f.message,
      }),
    )
    .join('\n');
  await queueMail(tx, ctx, {
    to: retailer.email,
    locale: retailer.locale,
    template: `funding:claims.mail.${status}`,
    params: {
      name: retailer.name,
      number: claim.number,
      reason: review.reason,
      fields,
      amount: formatMoney(claim.claimableCents ?? 0, retailer.locale, true),
      step: t(`funding:reviewSteps.${review.step}`),
    },
    actionUrl: `${ctx.services.config.publicUrl}/claims/${claim.id}`,
  });
}
