import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { coachingSessions, planActions } from './tables.ts';

/**
 * What field mode compares an offline change with: a record's version (its last change, as ISO text)
 * and the values a change could collide with. Locks the row inside a transaction, so that the check and the change that follows in
 * the same transaction see the same row.
 */
export async function sessionState(db: Executor, id: string) {
  const [row] = await db
    .select({
      applicationId: coachingSessions.applicationId,
      status: coachingSessions.status,
      minutesLogged: coachingSessions.minutesLogged,
      updatedAt: coachingSessions.updatedAt,
    })
    .from(coachingSessions)
    .where(eq(coachingSessions.id, id))
    .for('update');
  return row && { ...row, version: row.updatedAt.toISOString() };
}

export async function planActionState(db: Executor, id: string) {
  const [row] = await db
    .select({
      applicationId: planActions.applicationId,
      status: planActions.status,
      note: planActions.note,
      updatedAt: planActions.updatedAt,
    })
    .from(planActions)
    .where(eq(planActions.id, id))
    .for('update');
  return row && { ...row, version: row.updatedAt.toISOString() };
}

/** The version of every session and plan action of a file, by id (a visit pack's records). */
export async function fileRecordVersions(db: Executor, applicationId: string) {
  const [sessions, actions] = await Promise.all([
    db
      .select({ id: coachingSessions.id, updatedAt: coachingSessions.updatedAt })
      .from(coachingSessions)
      .where(eq(coachingSessions.applicationId, applicationId)),
    db
      .select({ id: planActions.id, updatedAt: planActions.updatedAt })
      .from(planActions)
      .where(eq(planActions.applicationId, applicationId))
      .orderBy(asc(planActions.position)),
  ]);
  return new Map([...sessions, ...actions].map((r) => [r.id, r.updatedAt.toISOString()]));
}
