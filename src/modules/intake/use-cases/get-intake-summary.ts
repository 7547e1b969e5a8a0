import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { applications } from '../db/tables.ts';
import { placesRemaining } from '../domain/capacity.ts';
import { APPLICATION_STATUSES } from '../domain/status.ts';

/**
 * Where intake stands for the program team: applications per status, places left and, when a place is
 * free and people wait, the next application on the waitlist to propose for acceptance.
 */
export async function getIntakeSummary(ctx: Ctx, programId: string) {
  authorize(ctx.actor, 'application.review');
  const program = await getProgram(ctx, programId);
  const [byStatus, [review], [next]] = await Promise.all([
    ctx.db
      .select({ status: applications.status, n: count() })
      .from(applications)
      .where(eq(applications.programId, program.id))
      .groupBy(applications.status),
    ctx.db
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.programId, program.id), isNotNull(applications.reviewRequestedAt))),
    ctx.db
      .select({
        id: applications.id,
        legalName: applications.legalName,
        tradeName: applications.tradeName,
        waitlistedAt: applications.waitlistedAt,
      })
      .from(applications)
      .where(and(eq(applications.programId, program.id), eq(applications.status, 'waitlisted')))
      .orderBy(asc(applications.waitlistedAt), asc(applications.id))
      .limit(1),
  ]);
  const counts = Object.fromEntries(
    APPLICATION_STATUSES.map((s) => [s, Number(byStatus.find((r) => r.status === s)?.n ?? 0)]),
  ) as Record<(typeof APPLICATION_STATUSES)[number], number>;
  const remaining = placesRemaining(program.targetRetailers, counts.accepted);
  return {
    programId: program.id,
    targetRetailers: program.targetRetailers,
    counts,
    placesRemaining: remaining,
    reviewRequested: Number(review?.n ?? 0),
    /** Proposed when a place is free and someone waits. */
    nextOnWaitlist: remaining > 0 && next ? { id: next.id, name: next.tradeName || next.legalName } : null,
  };
}
