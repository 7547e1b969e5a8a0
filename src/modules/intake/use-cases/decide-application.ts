import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { blocksPayment, findRegistryEnterprise } from '../../registry/index.ts';
import { acceptedCount, moveApplication } from '../db/move-application.ts';
import type { ApplicationRow } from '../db/queries.ts';
import { findApplication } from '../db/queries.ts';
import { applications } from '../db/tables.ts';
import { acceptOrWaitlist, waitingAhead } from '../domain/capacity.ts';
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

/**
 * The registry's word on the business when it is accepted (issue 13): a struck-off or bankrupt one is
 * accepted only with a reason, the recorded override, audited with the status it overrides.
 */
async function registryStanding(tx: Tx, neq: string | null, reason: string | null) {
  const found = neq ? await findRegistryEnterprise(tx, neq) : undefined;
  if (!found || !blocksPayment(found)) return undefined;
  const status = found.bankrupt ? 'bankrupt' : found.statusKind;
  if (!reason) {
    throw new AppError('conflict', {
      key: 'intake:errors.registry_blocks',
      params: { date: found.extract.fileDate ?? '' },
      fields: [{ path: 'reason', key: 'intake:validation.reason_required_registry' }],
    });
  }
  return { status, extractDate: found.extract.fileDate, overridden: true };
}

export type DecisionResult = {
  id: string;
  status: string;
  waitlistPosition: number | null;
  capacityReached: boolean;
};

/**
 * The team decides: accept, refuse (with a reason), waitlist, or ask for information. Accepting
 * beyond the program's target is impossible: the application goes to the waitlist instead; and the
 * waitlist is only for a full program. First come, first served: accepting an application while older
 * ones wait on the waitlist needs a reason. The program row is locked, so two coordinators taking the
 * last place at once cannot both get it.
 */
export async function decideApplication(ctx: Ctx, id: string, input: unknown): Promise<DecisionResult> {
  authorize(ctx.actor, 'application.decide');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const { decision, reason = null } = parseInput(decisionInput, input, 'intake');
  const found = await findApplication(ctx.db, id);
  if (!found) throw new AppError('not_found');
  const outcome = await transaction(ctx, (tx) =>
    moveApplication(tx, ctx, { id, programId: found.programId, to: decision }, async (app, program) => {
      const places = { target: program!.targetRetailers, accepted: await acceptedCount(tx, found.programId) };
      if (
        decision === 'accepted' &&
        !reason &&
        acceptOrWaitlist(places.target, places.accepted).status === 'accepted'
      ) {
        await refuseOutOfOrder(tx, app);
      }
      const registry = decision === 'accepted' ? await registryStanding(tx, app.neq, reason) : undefined;
      return {
        move: { to: decision, reason, places },
        audit: ({ capacityReached, waitlistPosition }) => ({
          decision,
          reason,
          capacityReached,
          waitlistPosition,
          ...(registry ? { registry } : {}),
        }),
        mail: ({ saved, waitlistPosition }) => ({
          template: `intake:mail.${saved.status}`,
          params: () => ({ reason: reason ?? '', position: waitlistPosition ?? '' }),
        }),
      };
    }),
  );
  return {
    id,
    status: outcome.saved.status,
    waitlistPosition: outcome.waitlistPosition,
    capacityReached: outcome.capacityReached,
  };
}

/**
 * First come, first served: accepting an application while older eligible ones wait on the waitlist
 * needs a reason (the team may have one: a partner's priority, a file completed late by the program).
 */
async function refuseOutOfOrder(tx: Tx, app: ApplicationRow) {
  const waitlist = await tx
    .select({
      id: applications.id,
      status: applications.status,
      submittedAt: applications.submittedAt,
      waitlistedAt: applications.waitlistedAt,
      eligible: applications.eligible,
    })
    .from(applications)
    .where(and(eq(applications.programId, app.programId), eq(applications.status, 'waitlisted')));
  const ahead = waitingAhead(app, waitlist);
  if (ahead.length > 0)
    throw fieldError('reason', 'intake:validation.reason_out_of_order', { count: ahead.length });
}
