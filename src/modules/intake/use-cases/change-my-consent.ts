import { z } from 'zod';
import { PRIVACY_POLICY_VERSION } from '../../../kernel/privacy-policy.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { insertConsent } from '../db/consent-ledger.ts';
import { moveApplication } from '../db/move-application.ts';
import { currentConsentTexts, findApplication } from '../db/queries.ts';
import { CONSENT_PURPOSES } from '../domain/consents.ts';
import { mayWithdraw } from '../domain/status.ts';
import { consentsOfApplicant } from './list-my-consents.ts';

export const consentChangeInput = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  /** One business of the person; without it, every business of theirs where the change applies. */
  applicationId: z.uuid().optional(),
});

/**
 * The person gives a consent again or withdraws it, for one business or all of theirs: a new record
 * in the ledger with the text version and the policy in force, audited. Withdrawing participation
 * also withdraws the application while that is still possible (the program cannot go on without it).
 */
export async function changeMyConsent(ctx: Ctx, input: unknown, granted: boolean) {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'consent.manage_own');
  const { purpose, applicationId } = parseInput(consentChangeInput, input, 'intake');
  const businesses = await consentsOfApplicant(ctx.db, actor.id);
  if (applicationId && !businesses.some((b) => b.applicationId === applicationId))
    throw new AppError('not_found');
  const targets = businesses.filter(
    (b) =>
      (!applicationId || b.applicationId === applicationId) &&
      (b.consents.find((c) => c.purpose === purpose)?.state === 'given') !== granted,
  );
  if (targets.length === 0)
    throw new AppError('conflict', {
      key: granted ? 'intake:errors.consent_already_given' : 'intake:errors.consent_not_given',
    });
  return transaction(ctx, async (tx) => {
    for (const target of targets) {
      const text = (await currentConsentTexts(tx, target.programId))[purpose];
      if (!text) throw new AppError('conflict', { key: 'intake:errors.consent_not_given' });
      await insertConsent(tx, ctx, {
        applicationId: target.applicationId,
        purpose,
        granted,
        consentTextId: text.id,
      });
      await appendAudit(tx, ctx, {
        action: granted ? 'consent.given' : 'consent.withdrawn',
        entityType: 'application',
        entityId: target.applicationId,
        changes: { purpose, textVersion: text.version, privacyPolicyVersion: PRIVACY_POLICY_VERSION },
      });
      if (purpose === 'participation' && !granted) {
        const app = (await findApplication(tx, target.applicationId))!;
        if (mayWithdraw({ status: app.status, coachingClosed: app.coachingClosedAt !== null }))
          await moveApplication(
            tx,
            ctx,
            { id: app.id, programId: app.programId, to: 'withdrawn' },
            async () => ({ move: { to: 'withdrawn' } }),
          );
      }
    }
    return { businesses: await consentsOfApplicant(tx, actor.id) };
  });
}
