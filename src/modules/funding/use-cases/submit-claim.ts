import { eq } from 'drizzle-orm';
import { formatDate } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { refusalText } from '../db/append-entries.ts';
import { findClaim, invoicesOf } from '../db/claims.ts';
import { agreements, claims } from '../db/tables.ts';
import { COMMITTING_STATUSES } from '../domain/agreement-status.ts';
import { assessClaim } from './claim-assessment.ts';
import { claimView } from './claim-view.ts';
import { loadClaim } from './load-claim.ts';
import { notifyReviewers } from './notify-reviewers.ts';
import { lockEditableClaim } from './update-claim.ts';

/**
 * The retailer submits the claim. It is judged against the agreement's rules version and the
 * agreement's other standing claims (under the agreement's lock, so two claims cannot both take what is
 * left of a line): every refusal answers 422 naming its field, and each invoice needs its invoice and
 * proof of payment attached. The eligible and claimable amounts are stored as computed now; possible
 * duplicates are not a refusal, the reviewer sees them. A new round of reviews starts with the content, and
 * whoever may review it is told by e-mail.
 */
export async function submitClaim(ctx: Ctx, id: string) {
  const loaded = await loadClaim(ctx, id, 'claim.write');
  const assessment = await transaction(ctx, async (tx) => {
    const claim = await lockEditableClaim(tx, id);
    const [agreement] = await tx
      .select()
      .from(agreements)
      .where(eq(agreements.id, claim.agreementId))
      .for('update');
    if (!COMMITTING_STATUSES.includes(agreement!.status))
      throw new AppError('conflict', { key: 'funding:claims.errors.agreement_not_accepted' });
    const invoices = await invoicesOf(tx, id);
    const assessment = await assessClaim(tx, claim, agreement!, invoices, formatDate(ctx.now()));
    if (assessment.refusals.length > 0)
      throw new AppError('invalid_input', {
        key: 'funding:claims.errors.not_submittable',
        fields: assessment.refusals.map((r) => ({
          path: r.field ?? '',
          key: 'funding:errors.refused',
          params: { message: refusalText(ctx, r) },
        })),
      });
    await tx
      .update(claims)
      .set({
        status: 'submitted',
        submittedAt: ctx.now(),
        eligibleCents: assessment.eligibleCents,
        claimableCents: assessment.claimableCents,
        corrections: null,
        round: claim.round + 1,
        reviewStep: 'content',
        version: claim.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(claims.id, id));
    await appendAudit(tx, ctx, {
      action: 'claim.submitted',
      entityType: 'claim',
      entityId: id,
      changes: {
        status: [claim.status, 'submitted'],
        round: claim.round + 1,
        eligibleCents: assessment.eligibleCents,
        claimableCents: assessment.claimableCents,
        duplicates: assessment.duplicates.length,
      },
    });
    await notifyReviewers(tx, ctx, loaded, 'content');
    await ctx.services.reactions.claimChanged(tx, ctx, id);
    return assessment;
  });
  return claimView(ctx, ctx.db, (await findClaim(ctx.db, id))!, assessment);
}
