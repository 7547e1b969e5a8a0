import { and, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { experts } from '../../experts/db/tables.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { actionPlans, coachingSessions, planActions } from './tables.ts';

const business = sql<string>`coalesce(nullif(${applications.tradeName}, ''), ${applications.legalName}, '')`;

/**
 * A program's scheduled sessions starting after `from` and no later than `to` (the reminders module),
 * with the retailer and the expert to remind; read off the index of scheduled sessions by time.
 */
export async function sessionsStartingBetween(db: Executor, programId: string, from: Date, to: Date) {
  const rows = await db
    .select({
      sessionId: coachingSessions.id,
      applicationId: coachingSessions.applicationId,
      startsAt: coachingSessions.startsAt,
      durationMinutes: coachingSessions.durationMinutes,
      mode: coachingSessions.mode,
      location: coachingSessions.location,
      applicantId: applications.applicantId,
      expertUserId: experts.userId,
      expertName: users.name,
      business,
    })
    .from(coachingSessions)
    .innerJoin(applications, eq(applications.id, coachingSessions.applicationId))
    .innerJoin(experts, eq(experts.id, coachingSessions.expertId))
    .innerJoin(users, eq(users.id, experts.userId))
    .where(
      and(
        eq(coachingSessions.status, 'scheduled'),
        gt(coachingSessions.startsAt, from),
        lte(coachingSessions.startsAt, to),
        eq(applications.programId, programId),
        eq(applications.status, 'accepted'),
      ),
    );
  return rows;
}

/**
 * The open actions of approved plans due between two Montréal days, inclusive (the reminders module),
 * in files still coached; read off the index of open actions by due date.
 */
export async function actionsDueBetween(db: Executor, programId: string, fromDay: string, toDay: string) {
  return db
    .select({
      actionId: planActions.id,
      applicationId: planActions.applicationId,
      objective: planActions.objective,
      dueDate: sql<string>`${planActions.dueDate}`,
      applicantId: applications.applicantId,
      business,
    })
    .from(planActions)
    .innerJoin(actionPlans, eq(actionPlans.applicationId, planActions.applicationId))
    .innerJoin(applications, eq(applications.id, planActions.applicationId))
    .where(
      and(
        inArray(planActions.status, ['todo', 'in_progress']),
        isNotNull(planActions.dueDate),
        sql`${planActions.dueDate} between ${fromDay} and ${toDay}`,
        eq(actionPlans.status, 'approved'),
        eq(applications.programId, programId),
        eq(applications.status, 'accepted'),
        isNull(applications.coachingClosedAt),
      ),
    );
}
