import { z } from 'zod';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { acceptedCount, moveApplication } from '../db/move-application.ts';
import { findApplication } from '../db/queries.ts';
import { DECISIONS } from '../domain/status.ts';

export const decisionInput = z
  .strictObject({ decision: z.enum(DECISIONS), reason: z.string().trim().max(4000).optional() })
  .superRefine((v, ctx) => {
    if ((v.decision === 'refused' || v.decision === 'info_requested') && !v.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `intake:validation.reason_required_${v.decision}`,
      });
    }
  });

export type DecisionResult = {
  id: string;
  status: string;
  waitlistPosition: number | null;
  capacityReached: boolean;
};

/**
 * The team decides: accept, refuse (with a reason), waitlist, or ask for information. Accepting
 * beyond the program's target is impossible: the application goes to the waitlist instead. The
 * program row is locked, so two coordinators taking the last place at once cannot both get it.
 */
export async function decideApplication(ctx: Ctx, id: string, input: unknown): Promise<DecisionResult> {
  authorize(ctx.actor, 'application.decide');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const { decision, reason = null } = parseInput(decisionInput, input);
  const found = await findApplication(ctx.db, id);
  if (!found) throw new AppError('not_found');
  const outcome = await transaction(ctx, (tx) =>
    moveApplication(tx, ctx, { id, programId: found.programId, to: decision }, async (_app, program) => ({
      move: {
        to: decision,
        reason,
        places: { target: program!.targetRetailers, accepted: await acceptedCount(tx, found.programId) },
      },
      audit: ({ capacityReached, waitlistPosition }) => ({
        decision,
        reason,
        capacityReached,
        waitlistPosition,
      }),
      mail: ({ saved, waitlistPosition }) => ({
        template: `intake:mail.${saved.status}`,
        params: () => ({ reason: reason ?? '', position: waitlistPosition ?? '' }),
      }),
    })),
  );
  return {
    id,
    status: outcome.saved.status,
    waitlistPosition: outcome.waitlistPosition,
    capacityReached: outcome.capacityReached,
  };
}
