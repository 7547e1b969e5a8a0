import { and, asc, eq, gt, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { applications } from '../../intake/db/tables.ts';
import type { ActionStatus } from '../domain/plan.ts';
import { actionPlans, coachingSessions, planActions, supplierRatings } from './tables.ts';

export type SessionRow = typeof coachingSessions.$inferSelect;

export async function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(coachingSessions).where(eq(coachingSessions.id, id));
  return row;
}

export async function sessionsOfApplication(db: Executor, applicationId: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(coachingSessions)
    .where(eq(coachingSessions.applicationId, applicationId))
    .orderBy(asc(coachingSessions.startsAt));
}

/** A scheduled or held session of this expert that overlaps [start, start + minutes), other than `exceptId`. */
export async function overlappingSession(
  db: Executor,
  expertId: string,
  start: Date,
  minutes: number,
  exceptId?: string,
) {
  const end = new Date(start.getTime() + minutes * 60_000);
  const [row] = await db
    .select({ startsAt: coachingSessions.startsAt, durationMinutes: coachingSessions.durationMinutes })
    .from(coachingSessions)
    .where(
      and(
        eq(coachingSessions.expertId, expertId),
        ne(coachingSessions.status, 'cancelled'),
        lt(coachingSessions.startsAt, end),
        gt(
          sql`${coachingSessions.startsAt} + ${coachingSessions.durationMinutes} * interval '1 minute'`,
          start,
        ),
        exceptId ? ne(coachingSessions.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row;
}

export async function planOf(db: Executor, applicationId: string) {
  const [plan] = await db.select().from(actionPlans).where(eq(actionPlans.applicationId, applicationId));
  if (!plan) return undefined;
  const actions = await db
    .select()
    .from(planActions)
    .where(eq(planActions.applicationId, applicationId))
    .orderBy(asc(planActions.position));
  return { ...plan, actions };
}

/** Per business: next session ahead, last session held, minutes used and booked (caseload lists). */
export async function sessionFacts(db: Executor, applicationIds: string[], now: Date) {
  if (applicationIds.length === 0)
    return new Map<
      string,
      { nextAt: Date | null; nextMode: string | null; lastHeldAt: Date | null; used: number; planned: number }
    >();
  const rows = await db
    .select({
      applicationId: coachingSessions.applicationId,
      nextAt: sql<Date | null>`min(${coachingSessions.startsAt}) filter (where ${coachingSessions.status} = 'scheduled' and ${coachingSessions.startsAt} > ${now})`,
      nextMode: sql<
        string | null
      >`(array_agg(${coachingSessions.mode} order by ${coachingSessions.startsAt}) filter (where ${coachingSessions.status} = 'scheduled' and ${coachingSessions.startsAt} > ${now}))[1]`,
      lastHeldAt: sql<Date | null>`max(${coachingSessions.startsAt}) filter (where ${coachingSessions.status} = 'held')`,
      used: sql<number>`coalesce(sum(${coachingSessions.minutesLogged}) filter (where ${coachingSessions.status} = 'held'), 0)::int`,
      planned: sql<number>`coalesce(sum(${coachingSessions.durationMinutes}) filter (where ${coachingSessions.status} = 'scheduled'), 0)::int`,
    })
    .from(coachingSessions)
    .where(inArray(coachingSessions.applicationId, applicationIds))
    .groupBy(coachingSessions.applicationId);
  const instant = (v: Date | string | null) => (v === null ? null : new Date(v));
  return new Map(
    rows.map((r) => [
      r.applicationId,
      {
        nextAt: instant(r.nextAt),
        nextMode: r.nextMode,
        lastHeldAt: instant(r.lastHeldAt),
        used: Number(r.used),
        planned: Number(r.planned),
      },
    ]),
  );
}

/** Per business with a plan: its status and its actions' status and due date (caseload lists). */
export async function planSummaries(db: Executor, applicationIds: string[]) {
  if (applicationIds.length === 0)
    return new Map<
      string,
      { status: 'draft' | 'approved'; actions: { status: ActionStatus; dueDate: string | null }[] }
    >();
  const rows = await db
    .select({
      applicationId: actionPlans.applicationId,
      status: actionPlans.status,
      actionStatus: planActions.status,
      dueDate: planActions.dueDate,
    })
    .from(actionPlans)
    .leftJoin(planActions, eq(planActions.applicationId, actionPlans.applicationId))
    .where(inArray(actionPlans.applicationId, applicationIds));
  const plans = new Map<
    string,
    { status: 'draft' | 'approved'; actions: { status: ActionStatus; dueDate: string | null }[] }
  >();
  for (const r of rows) {
    const plan = plans.get(r.applicationId) ?? { status: r.status, actions: [] };
    if (r.actionStatus) plan.actions.push({ status: r.actionStatus, dueDate: r.dueDate });
    plans.set(r.applicationId, plan);
  }
  return plans;
}

/** Per expert: minutes logged (all time and this month) and sessions held or scheduled this month. */
export async function sessionsByExpert(db: Executor, expertIds: string[], monthStart: Date, nextMonth: Date) {
  if (expertIds.length === 0)
    return new Map<
      string,
      { minutesLogged: number; minutesLoggedThisMonth: number; sessionsThisMonth: number }
    >();
  const thisMonth = sql`${coachingSessions.startsAt} >= ${monthStart} and ${coachingSessions.startsAt} < ${nextMonth}`;
  const rows = await db
    .select({
      expertId: coachingSessions.expertId,
      minutesLogged: sql<number>`coalesce(sum(${coachingSessions.minutesLogged}) filter (where ${coachingSessions.status} = 'held'), 0)::int`,
      minutesLoggedThisMonth: sql<number>`coalesce(sum(${coachingSessions.minutesLogged}) filter (where ${coachingSessions.status} = 'held' and ${thisMonth}), 0)::int`,
      sessionsThisMonth: sql<number>`count(*) filter (where ${coachingSessions.status} <> 'cancelled' and ${thisMonth})::int`,
    })
    .from(coachingSessions)
    .where(inArray(coachingSessions.expertId, expertIds))
    .groupBy(coachingSessions.expertId);
  return new Map(
    rows.map((r) => [
      r.expertId,
      {
        minutesLogged: Number(r.minutesLogged),
        minutesLoggedThisMonth: Number(r.minutesLoggedThisMonth),
        sessionsThisMonth: Number(r.sessionsThisMonth),
      },
    ]),
  );
}

/** The suppliers named in the plans of an applicant's businesses, with the rating already given. */
export function rateableSuppliersOf(db: Executor, applicantId: string) {
  return db
    .selectDistinct({
      supplierId: planActions.supplierId,
      applicationId: planActions.applicationId,
      rating: supplierRatings.rating,
      comment: supplierRatings.comment,
    })
    .from(planActions)
    .innerJoin(applications, eq(applications.id, planActions.applicationId))
    .leftJoin(
      supplierRatings,
      and(
        eq(supplierRatings.supplierId, planActions.supplierId),
        eq(supplierRatings.applicationId, planActions.applicationId),
      ),
    )
    .where(and(eq(applications.applicantId, applicantId), isNotNull(planActions.supplierId)));
}
