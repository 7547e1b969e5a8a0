import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { isAppError } from '../../../platform/errors.ts';
import { localiseError } from '../../../platform/http/problem.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { decideApplication, decisionInput } from './decide-application.ts';

export const bulkDecisionInput = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(500),
  decision: z.enum(['accepted', 'refused', 'waitlisted', 'info_requested']),
  reason: z.string().trim().max(4000).optional(),
});

/**
 * The same decision on a selection. Each application is decided in its own transaction, in the order
 * given; the answer says, for each one, what happened (one refused move does not undo the others).
 */
export async function decideApplicationsInBulk(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'application.decide');
  const { ids, decision, reason } = parseInput(bulkDecisionInput, input, 'intake');
  parseInput(decisionInput, { decision, reason }, 'intake'); // a missing reason fails before anything is written
  const results = [];
  for (const id of ids) {
    try {
      results.push({ ok: true as const, ...(await decideApplication(ctx, id, { decision, reason })) });
    } catch (error) {
      if (!isAppError(error)) throw error;
      const localised = localiseError(error, ctx.services.i18n, ctx.locale);
      // A field's own message says what is wrong (a reason to give); the generic detail would not.
      results.push({ id, ok: false as const, error: localised.errors[0]?.message ?? localised.detail });
    }
  }
  return { results };
}
