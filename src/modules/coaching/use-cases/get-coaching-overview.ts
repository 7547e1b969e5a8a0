import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import { activeExpertOf, expertContact } from '../../experts/index.ts';
import { planSummaries, sessionsOfApplication } from '../db/queries.ts';
import { closures, outcomeSurveys } from '../db/tables.ts';
import { planProgress } from '../domain/plan.ts';
import { hoursOf } from './hours-of.ts';
import { loadFile } from './load-file.ts';
import { sessionView } from './session-view.ts';

/**
 * Where a business's coaching stands, for its pages: the expert, the sessions (as the caller may see
 * them), the hours budget, the plan's status and progress (without building a suggested draft), the
 * closure, the outcome surveys already sent (the retailer and the program team), and what the caller
 * may do. The retailer, their expert and the program team.
 */
export async function getCoachingOverview(ctx: Ctx, applicationId: string) {
  const file = await loadFile(ctx, applicationId, 'session.read');
  const mayReadSurveys = isAllowed(ctx.actor, 'survey.read', file);
  const [sessions, active, plans, [closure], surveys, hoursBudget] = await Promise.all([
    sessionsOfApplication(ctx.db, file.id),
    activeExpertOf(ctx.db, file.id),
    planSummaries(ctx.db, [file.id]),
    ctx.db.select().from(closures).where(eq(closures.applicationId, file.id)),
    mayReadSurveys
      ? ctx.db.select().from(outcomeSurveys).where(eq(outcomeSurveys.applicationId, file.id))
      : Promise.resolve([]),
    hoursOf(ctx, file),
  ]);
  // Once the file is closed the assignment has ended: the expert is the one of the latest session.
  const latest = sessions.at(-1);
  const expert = active ?? (latest ? await expertContact(ctx.db, latest.expertId) : undefined);
  const plan = plans.get(file.id);
  const open = file.status === 'accepted' && !file.coachingClosedAt;
  return {
    applicationId: file.id,
    business: file.tradeName || file.legalName,
    assigned: !!active,
    expert: expert ? { name: expert.name } : null,
    closed: closure ? { at: closure.closedAt, outcome: closure.outcome, reason: closure.reason } : null,
    sessions: sessions.map((s) => sessionView(ctx, s, file)),
    hoursBudget,
    plan: plan ? { status: plan.status, ...planProgress(plan.actions) } : null,
    surveys: surveys
      .filter((s) => s.sentAt !== null)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
      .map((s) => ({ id: s.id, wave: s.wave, answered: s.answeredAt !== null })),
    can: {
      /** Schedule, move and cancel sessions: while the file is open and an expert coaches it. */
      manageSessions: open && !!active && isAllowed(ctx.actor, 'session.manage', file),
      /** Record hours, notes and summaries of sessions held, closed file included. */
      recordSessions: isAllowed(ctx.actor, 'session.manage', file),
      editPlan: open && isAllowed(ctx.actor, 'plan.edit', file),
      updateProgress: open && isAllowed(ctx.actor, 'plan.progress', file),
      close: open && isAllowed(ctx.actor, 'file.close', file),
      /** Undo a closure made by mistake. */
      reopen: Boolean(closure) && isAllowed(ctx.actor, 'file.reopen', file),
      readNotes: isAllowed(ctx.actor, 'session.read_notes', file),
      answerSurveys: isAllowed(ctx.actor, 'survey.answer', file),
      /** Open the application in the program team's review. */
      reviewApplication: isAllowed(ctx.actor, 'application.review'),
    },
  };
}

export type CoachingOverview = Awaited<ReturnType<typeof getCoachingOverview>>;
