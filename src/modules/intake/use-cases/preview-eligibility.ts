import type { Ctx } from '../../../platform/context.ts';
import { assessApplication } from '../db/assess-application.ts';
import { currentCriteria } from '../db/queries.ts';
import { mayPreviewEligibility } from '../domain/facts.ts';
import type { EligibilityAnswer } from './check-eligibility.ts';
import { loadApplication } from './load-application.ts';
import { registryFactsOf } from './registry-facts.ts';

/**
 * What submitting the application now would conclude, before it is submitted: the same criteria and
 * the same facts as submission (already in the program included). Null while the application does not
 * say enough to judge, or when the program has no criteria yet.
 */
export async function previewEligibility(ctx: Ctx, id: string): Promise<EligibilityAnswer | null> {
  const { app } = await loadApplication(ctx, id, 'application.submit');
  if (!mayPreviewEligibility(app, ctx.now())) return null;
  const criteria = await currentCriteria(ctx.db, app.programId);
  if (!criteria) return null;
  const evaluation = await assessApplication(
    ctx.db,
    criteria.criteria,
    app,
    ctx.now(),
    await registryFactsOf(ctx.db, app.neq),
  );
  return {
    eligible: evaluation.eligible,
    criteria: evaluation.criteria.map((c) => ({
      id: c.id,
      passed: c.passed,
      label: c.label[ctx.locale],
      message: c.message[ctx.locale],
    })),
  };
}
