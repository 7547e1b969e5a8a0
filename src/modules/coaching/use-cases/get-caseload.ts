import { z } from 'zod';
import { formatDate, montrealIso } from '../../../kernel/format.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { weakestDimensionsOf } from '../../diagnostic/index.ts';
import { assignedSince } from '../../experts/index.ts';
import { filesCoachedBy } from '../../intake/index.ts';
import { getProgram } from '../../programs/index.ts';
import { planSummaries, sessionFacts } from '../db/queries.ts';
import { hoursBudget } from '../domain/hours.ts';
import { caseloadFlags, isOverdue, planProgress } from '../domain/plan.ts';

export const caseloadInput = z.strictObject({
  status: z.enum(['active', 'closed']).optional(),
  /** Only the files of this program (an expert may coach in several). */
  programId: z.uuid().optional(),
});

/**
 * An expert's caseload: only the businesses assigned to them, each with the next session, plan
 * progress, hours used against the budget, and flags (no contact for 30 days, plan overdue). Flagged
 * files come first, then the rest by name.
 */
export async function getCaseload(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'caseload.read');
  const actor = signedInActor(ctx.actor);
  const { status = 'active', programId } = parseInput(caseloadInput, input, 'coaching');
  const files = (await filesCoachedBy(ctx.db, actor.id, { closed: status === 'closed' })).filter(
    (f) => !programId || f.programId === programId,
  );
  const ids = files.map((f) => f.applicationId);
  const now = ctx.now();
  const today = formatDate(now);
  const [sessions, plans, since, diagnosed] = await Promise.all([
    sessionFacts(ctx.db, ids, now),
    planSummaries(ctx.db, ids),
    assignedSince(ctx.db, ids),
    weakestDimensionsOf(ctx.db, { applicationIds: ids }),
  ]);
  const budgets = new Map<string, number>();
  for (const programId of new Set(files.map((f) => f.programId)))
    budgets.set(programId, (await getProgram(ctx, programId)).coachingMinutesPerRetailer);

  const items = files.map((f) => {
    const s = sessions.get(f.applicationId);
    const plan = plans.get(f.applicationId);
    const budget = hoursBudget(budgets.get(f.programId)!, s?.used ?? 0, s?.planned ?? 0);
    const lastContactAt = s?.lastHeldAt ?? since.get(f.applicationId) ?? null;
    const overdueActions = plan?.actions.filter((a) => isOverdue(a, today)).length ?? 0;
    return {
      applicationId: f.applicationId,
      business: f.name || f.legalName,
      municipality: f.municipality,
      region: f.region,
      closedAt: f.coachingClosedAt,
      diagnosed: diagnosed.has(f.applicationId),
      nextSession: s?.nextAt ? { startsAt: montrealIso(s.nextAt), mode: s.nextMode } : null,
      plan: plan ? { status: plan.status, ...planProgress(plan.actions), overdueActions } : null,
      hours: {
        usedHours: budget.usedMinutes / 60,
        budgetHours: budget.budgetMinutes / 60,
        warning: budget.warning,
      },
      lastContactAt: lastContactAt ? montrealIso(lastContactAt) : null,
      flags:
        f.coachingClosedAt || !lastContactAt ? [] : caseloadFlags({ lastContactAt, overdueActions }, now),
    };
  });
  items.sort(
    (a, b) => b.flags.length - a.flags.length || (a.business ?? '').localeCompare(b.business ?? '', 'fr'),
  );
  return { items };
}
