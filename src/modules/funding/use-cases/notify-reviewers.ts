import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { queueMails } from '../../../platform/mail/queue-mail.ts';
import { activeAccount, activeUsersWithRole } from '../../identity/index.ts';
import { reviewsOf } from '../db/claims.ts';
import type { ReviewStep } from '../domain/separation-of-duties.ts';
import type { LoadedClaim } from './load-claim.ts';

/** Who may decide the step: the business's expert for the content (the team when it has none), finance for the money. */
async function reviewersOf(tx: Executor, step: ReviewStep, assignedExpertUserId: string | null) {
  if (step !== 'content') return activeUsersWithRole(tx, ['finance']);
  const expert = assignedExpertUserId ? await activeAccount(tx, assignedExpertUserId) : undefined;
  return expert ? [expert] : activeUsersWithRole(tx, ['coordinator']);
}

/**
 * Tells the people who may decide the claim's next step that it waits for them, in `tx`: each in their
 * language, with a link to the review screen. The mail names the business and the claim's number only
 * (no amounts, nobody's details). Those whom separation of duties keeps from the step (its authors,
 * who approved another step of the claim) are left out.
 */
export async function notifyReviewers(tx: Executor, ctx: Ctx, loaded: LoadedClaim, step: ReviewStep) {
  const { claim, agreement } = loaded;
  const otherSteps = (await reviewsOf(tx, claim.id)).filter(
    (r) => r.decision === 'approved' && r.step !== step,
  );
  const excluded = new Set([
    claim.createdBy,
    agreement.preparedBy,
    agreement.offeredBy,
    ...otherSteps.map((r) => r.reviewerId),
  ]);
  const reviewers = (await reviewersOf(tx, step, loaded.assignedExpertUserId)).filter(
    (r) => !excluded.has(r.id),
  );
  const actionUrl = `${ctx.services.config.publicUrl}/review/claims/${claim.id}`;
  await queueMails(
    tx,
    ctx,
    reviewers.map((reviewer) => ({
      to: reviewer.email,
      locale: reviewer.locale,
      template: 'funding:claims.mail.review_due',
      params: {
        name: reviewer.name,
        business: loaded.businessName,
        number: claim.number,
        step: translatorFor(ctx.services.i18n, reviewer.locale)(`funding:reviewSteps.${step}`),
      },
      actionUrl,
    })),
  );
}
