import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { programs } from '../../programs/db/tables.ts';
import { lockApplication, recordEvent, waitlistPosition } from '../db/application-writes.ts';
import { notifyApplicant } from '../db/notify-applicant.ts';
import { findApplication } from '../db/queries.ts';
import { applications } from '../db/tables.ts';
import { acceptOrWaitlist, mayWaitlist, placesRemaining, waitingAhead } from '../domain/capacity.ts';
import { canMove, DECISIONS } from '../domain/status.ts';

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
 * beyond the program's target is impossible: the application goes to the waitlist instead; and the
 * waitlist is only for a full program. First come, first served: accepting an application while older
 * ones wait on the waitlist needs a reason. The program row is locked, so two coordinators taking the
 * last place at once cannot both get it.
 */
export async function decideApplication(ctx: Ctx, id: string, input: unknown): Promise<DecisionResult> {
  authorize(ctx.actor, 'application.decide');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const { decision, reason } = parseInput(decisionInput, input);
  const found = await findApplication(ctx.db, id);
  if (!found) throw new AppError('not_found');
  return transaction(ctx, (tx) => decide(tx, ctx, found.programId, id, decision, reason ?? null));
}

async function decide(
  tx: Tx,
  ctx: Ctx,
  programId: string,
  id: string,
  decision: (typeof DECISIONS)[number],
  reason: string | null,
): Promise<DecisionResult> {
  const [program] = await tx.select().from(programs).where(eq(programs.id, programId)).for('update');
  const app = await lockApplication(tx, id);
  if (!canMove(app.status, decision)) {
    throw new AppError('conflict', {
      key: 'intake:errors.transition',
      params: { from: app.status, to: decision },
    });
  }
  let status = decision;
  let capacityReached = false;
  if (decision === 'accepted' || decision === 'waitlisted') {
    const [row] = await tx
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.programId, programId), eq(applications.status, 'accepted')));
    const accepted = Number(row?.n ?? 0);
    if (decision === 'waitlisted' && !mayWaitlist(program!.targetRetailers, accepted)) {
      throw new AppError('conflict', {
        key: 'intake:errors.places_remain',
        params: { count: placesRemaining(program!.targetRetailers, accepted) },
      });
    }
    if (
      decision === 'accepted' &&
      acceptOrWaitlist(program!.targetRetailers, accepted).status === 'waitlisted'
    ) {
      capacityReached = true;
      status = 'waitlisted';
    } else if (decision === 'accepted' && !reason) {
      const waitlist = await tx
        .select({
          id: applications.id,
          status: applications.status,
          submittedAt: applications.submittedAt,
          waitlistedAt: applications.waitlistedAt,
          eligible: applications.eligible,
        })
        .from(applications)
        .where(and(eq(applications.programId, programId), eq(applications.status, 'waitlisted')));
      const ahead = waitingAhead(app, waitlist);
      if (ahead.length > 0)
        throw fieldError('reason', 'intake:validation.reason_out_of_order', { count: ahead.length });
    }
  }
  if (capacityReached && app.status === 'waitlisted') {
    throw new AppError('conflict', { key: 'intake:errors.program_full' });
  }
  const now = ctx.now();
  const [saved] = await tx
    .update(applications)
    .set({
      status,
      decidedAt: now,
      decisionReason:
        status === 'refused' ? reason : status === 'accepted' ? null : (reason ?? app.decisionReason),
      infoRequest: status === 'info_requested' ? reason : null,
      waitlistedAt: status === 'waitlisted' ? (app.waitlistedAt ?? now) : app.waitlistedAt,
      updatedAt: now,
    })
    .where(eq(applications.id, id))
    .returning();
  const position = await waitlistPosition(tx, saved!);
  await recordEvent(tx, ctx, id, {
    kind: status,
    fromStatus: app.status,
    toStatus: status,
    message: capacityReached ? 'capacity_reached' : reason,
  });
  await appendAudit(tx, ctx, {
    action: `application.${status}`,
    entityType: 'application',
    entityId: id,
    changes: { status: [app.status, status], decision, reason, capacityReached, waitlistPosition: position },
  });
  await notifyApplicant(tx, ctx, saved!, `intake:mail.${status}`, () => ({
    reason: reason ?? '',
    position: position ?? '',
  }));
  return { id, status, waitlistPosition: position, capacityReached };
}
