import { eq } from 'drizzle-orm';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { getAccount } from '../../identity/index.ts';
import { getProgram } from '../../programs/index.ts';
import { assessApplication } from '../db/assess-application.ts';
import { moveApplication } from '../db/move-application.ts';
import { currentCriteria, latestConsents } from '../db/queries.ts';
import { applications } from '../db/tables.ts';
import { missingForSubmission } from '../domain/application-draft.ts';
import { intakeOpen } from '../domain/capacity.ts';
import { detailOf } from './get-application.ts';
import { loadApplication } from './load-application.ts';
import { registryFactsOf } from './registry-facts.ts';

/**
 * Submits (or resubmits after an information request): checks that nothing is missing, evaluates
 * eligibility on the server with the criteria in force now, records the automated result with its
 * reasons, and sends a receipt in the retailer's language.
 */
export async function submitApplication(ctx: Ctx, id: string) {
  const { app: before } = await loadApplication(ctx, id, 'application.submit');
  const account = await getAccount(ctx);
  if (!account.emailVerified) throw new AppError('conflict', { key: 'intake:errors.email_not_verified' });
  const program = await getProgram(ctx, before.programId);
  const criteria = await currentCriteria(ctx.db, program.id);
  if (!criteria) throw new AppError('conflict', { key: 'intake:errors.no_criteria' });

  const { saved } = await transaction(ctx, async (tx) => {
    const outcome = await moveApplication(
      tx,
      ctx,
      { id, programId: program.id, to: 'submitted' },
      async (app) => {
        if (
          app.status === 'draft' &&
          !intakeOpen({ opensAt: program.intakeOpensAt, closesAt: program.intakeClosesAt }, ctx.now())
        ) {
          throw new AppError('conflict', { key: 'intake:errors.intake_closed' });
        }
        const consent = await latestConsents(tx, id);
        const missing = missingForSubmission(
          app,
          { participation: consent.participation?.granted ?? false },
          app.attestedAt !== null,
        );
        if (missing.length > 0)
          throw new AppError('invalid_input', { key: 'intake:errors.incomplete', fields: missing });
        const evaluation = await assessApplication(
          tx,
          criteria.criteria,
          app,
          ctx.now(),
          await registryFactsOf(tx, app.neq),
        );
        return {
          move: {
            to: 'submitted',
            criteriaVersionId: criteria.id,
            eligibility: evaluation.criteria,
            eligible: evaluation.eligible,
          },
          audit: () => ({
            criteriaVersion: criteria.version,
            eligible: evaluation.eligible,
            failed: evaluation.criteria.filter((c) => !c.passed).map((c) => c.id),
          }),
          mail: () => ({
            template: 'intake:mail.received',
            params: (locale) => ({
              program: locale === 'fr' ? program.nameFr : program.nameEn,
              assessment: evaluation.criteria
                .map((c) => `${c.passed ? '✓' : '✗'} ${c.message[locale]}`)
                .join('\n'),
            }),
          }),
        };
      },
    );
    // Where it was sent from, for the abuse signal of many applications from one network address.
    if (outcome.from === 'draft' && ctx.ip) {
      await tx.update(applications).set({ submittedFrom: ctx.ip }).where(eq(applications.id, id));
    }
    await ctx.services.reactions.applicationChanged(tx, ctx, id);
    return outcome;
  });
  return detailOf(ctx, saved, false);
}
