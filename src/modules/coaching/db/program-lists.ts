import { and, asc, desc, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../platform/db/client.ts';
import { experts } from '../../experts/db/tables.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { actionPlans, coachingSessions, outcomeSurveys, planActions } from './tables.ts';

/** What the three lists of the program team share: one program, one expert, a period, a page. */
export type ProgramListQuery = {
  programId: string;
  expertId?: string | undefined;
  /** [since, until): the period's instants, Montréal days already turned into instants. */
  since?: Date | undefined;
  until?: Date | undefined;
  /** The sort key of the last row of the previous page. */
  after?: (string | number)[] | undefined;
  /** Rows to read: a page's size plus one, to know whether another page follows. */
  take: number;
};

const expertName = users.name;
/** The expert now coaching the business (for plans and surveys; a session names its own expert). */
const currentExpert = eq(experts.userId, applications.assignedExpertUserId);

/** Rows after the cursor in a descending (instant, id) order. */
const beforeKey = (instant: AnyPgColumn, id: AnyPgColumn, after: (string | number)[] | undefined) =>
  after ? sql`(${instant}, ${id}) < (${new Date(String(after[0]))}, ${String(after[1])})` : undefined;

/** Every session of the program, newest first: when, how long, how, where it stands, who coached whom. */
export function programSessions(
  db: Executor,
  q: ProgramListQuery & { status?: 'scheduled' | 'held' | 'cancelled' | undefined },
) {
  return db
    .select({
      id: coachingSessions.id,
      applicationId: coachingSessions.applicationId,
      business: applications.legalName,
      municipality: applications.municipalityName,
      expertName,
      startsAt: coachingSessions.startsAt,
      durationMinutes: coachingSessions.durationMinutes,
      mode: coachingSessions.mode,
      status: coachingSessions.status,
      minutesLogged: coachingSessions.minutesLogged,
    })
    .from(coachingSessions)
    .innerJoin(applications, eq(applications.id, coachingSessions.applicationId))
    .innerJoin(experts, eq(experts.id, coachingSessions.expertId))
    .innerJoin(users, eq(users.id, experts.userId))
    .where(
      and(
        eq(applications.programId, q.programId),
        q.expertId ? eq(coachingSessions.expertId, q.expertId) : undefined,
        q.status ? eq(coachingSessions.status, q.status) : undefined,
        q.since ? gte(coachingSessions.startsAt, q.since) : undefined,
        q.until ? lt(coachingSessions.startsAt, q.until) : undefined,
        beforeKey(coachingSessions.startsAt, coachingSessions.id, q.after),
      ),
    )
    .orderBy(desc(coachingSessions.startsAt), desc(coachingSessions.id))
    .limit(q.take);
}

/**
 * Every action plan of the program, by business name: its status, its actions done and overdue
 * (`today`, the Montréal day), the next due date, the budget, and whether the file is closed.
 */
export function programPlans(
  db: Executor,
  q: Omit<ProgramListQuery, 'since' | 'until'> & { status?: 'draft' | 'approved' | undefined; today: string },
) {
  const open = sql`${planActions.status} in ('todo', 'in_progress')`;
  const name = sql<string>`coalesce(${applications.legalName}, '')`;
  return db
    .select({
      applicationId: actionPlans.applicationId,
      business: applications.legalName,
      municipality: applications.municipalityName,
      expertName,
      status: actionPlans.status,
      approvedAt: actionPlans.approvedAt,
      budgetCents: actionPlans.budgetCents,
      closedAt: applications.coachingClosedAt,
      actions: sql<number>`count(${planActions.id}) filter (where ${planActions.status} <> 'dropped')::int`,
      done: sql<number>`count(${planActions.id}) filter (where ${planActions.status} = 'done')::int`,
      overdue: sql<number>`count(${planActions.id}) filter (where ${open} and ${planActions.dueDate} < ${q.today})::int`,
      // As text: node-postgres would turn a raw date into a Date at the server's midnight.
      nextDue: sql<string | null>`(min(${planActions.dueDate}) filter (where ${open}))::text`,
    })
    .from(actionPlans)
    .innerJoin(applications, eq(applications.id, actionPlans.applicationId))
    .leftJoin(experts, currentExpert)
    .leftJoin(users, eq(users.id, experts.userId))
    .leftJoin(planActions, eq(planActions.applicationId, actionPlans.applicationId))
    .where(
      and(
        eq(applications.programId, q.programId),
        q.expertId ? eq(experts.id, q.expertId) : undefined,
        q.status ? eq(actionPlans.status, q.status) : undefined,
        q.after
          ? sql`(${name}, ${actionPlans.applicationId}) > (${String(q.after[0])}, ${String(q.after[1])})`
          : undefined,
      ),
    )
    .groupBy(actionPlans.applicationId, applications.id, users.id)
    .orderBy(asc(name), asc(actionPlans.applicationId))
    .limit(q.take);
}

/** Every outcome survey of the program, latest due first: its wave, when it was sent and answered, the answers. */
export function programSurveys(
  db: Executor,
  q: ProgramListQuery & {
    wave?: 'closure' | 'six_months' | undefined;
    state?: 'unsent' | 'sent' | 'answered' | undefined;
  },
) {
  const state = {
    unsent: and(isNull(outcomeSurveys.sentAt), isNull(outcomeSurveys.answeredAt)),
    sent: and(isNotNull(outcomeSurveys.sentAt), isNull(outcomeSurveys.answeredAt)),
    answered: isNotNull(outcomeSurveys.answeredAt),
  };
  return db
    .select({
      id: outcomeSurveys.id,
      applicationId: outcomeSurveys.applicationId,
      business: applications.legalName,
      municipality: applications.municipalityName,
      expertName,
      wave: outcomeSurveys.wave,
      dueAt: outcomeSurveys.dueAt,
      sentAt: outcomeSurveys.sentAt,
      answeredAt: outcomeSurveys.answeredAt,
      answers: outcomeSurveys.answers,
    })
    .from(outcomeSurveys)
    .innerJoin(applications, eq(applications.id, outcomeSurveys.applicationId))
    .leftJoin(experts, currentExpert)
    .leftJoin(users, eq(users.id, experts.userId))
    .where(
      and(
        eq(outcomeSurveys.programId, q.programId),
        q.expertId ? eq(experts.id, q.expertId) : undefined,
        q.wave ? eq(outcomeSurveys.wave, q.wave) : undefined,
        q.state ? state[q.state] : undefined,
        q.since ? gte(outcomeSurveys.dueAt, q.since) : undefined,
        q.until ? lt(outcomeSurveys.dueAt, q.until) : undefined,
        beforeKey(outcomeSurveys.dueAt, outcomeSurveys.id, q.after),
      ),
    )
    .orderBy(desc(outcomeSurveys.dueAt), desc(outcomeSurveys.id))
    .limit(q.take);
}
