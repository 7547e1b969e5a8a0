import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from './tables.ts';

/** Records who coaches each business now (the experts module calls this in its own transaction). */
export async function setAssignedExperts(
  tx: Executor,
  rows: { applicationId: string; expertUserId: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  // One statement and one parameter for a whole confirmation: the new values come as JSON.
  const values = JSON.stringify(rows.map((r) => ({ a: r.applicationId, e: r.expertUserId })));
  await tx.execute(sql`
    update ${applications} set assigned_expert_user_id = v.e
    from json_to_recordset(${values}::json) as v(a uuid, e uuid)
    where ${applications.id} = v.a`);
}

/**
 * Records that the coaching of a business is over, or (null) that a closure was undone (the coaching
 * module calls this in its own transaction). The expert keeps read access to the file they closed: the
 * T1 diagnostic and the outcome survey follow.
 */
export async function markCoachingClosed(
  tx: Executor,
  applicationId: string,
  at: Date | null,
): Promise<void> {
  await tx.update(applications).set({ coachingClosedAt: at }).where(eq(applications.id, applicationId));
}

/**
 * Accepted businesses still being (or to be) coached, with what the assignment needs: region, the
 * language of the account, and whether an expert already coaches them.
 */
export async function coachableApplications(
  db: Executor,
  programId: string,
  options: { withoutExpert: boolean },
) {
  return db
    .select({
      applicationId: applications.id,
      region: applications.region,
      language: users.locale,
      assignedExpertUserId: applications.assignedExpertUserId,
      name: applications.tradeName,
      legalName: applications.legalName,
    })
    .from(applications)
    .leftJoin(users, eq(users.id, applications.applicantId))
    .where(
      and(
        eq(applications.programId, programId),
        eq(applications.status, 'accepted'),
        isNull(applications.coachingClosedAt),
        options.withoutExpert ? isNull(applications.assignedExpertUserId) : undefined,
      ),
    )
    .orderBy(asc(applications.id));
}

/** The businesses an expert coaches (or coached, once closed), for their caseload. */
export async function filesCoachedBy(db: Executor, expertUserId: string, options: { closed: boolean }) {
  return db
    .select({
      applicationId: applications.id,
      programId: applications.programId,
      name: applications.tradeName,
      legalName: applications.legalName,
      municipality: applications.municipalityName,
      region: applications.region,
      coachingClosedAt: applications.coachingClosedAt,
    })
    .from(applications)
    .where(
      and(
        eq(applications.assignedExpertUserId, expertUserId),
        options.closed ? isNotNull(applications.coachingClosedAt) : isNull(applications.coachingClosedAt),
      ),
    )
    .orderBy(asc(applications.tradeName), asc(applications.legalName));
}
