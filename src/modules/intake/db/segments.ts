import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import type { ConsentPurpose } from '../domain/consents.ts';
import type { ApplicationStatus } from '../domain/status.ts';
import { hasActiveConsent } from './reporting-reads.ts';
import { applications } from './tables.ts';

/** What intake knows to pick businesses of a program by: each list empty or absent means "any". */
export type MemberFilter = {
  programId: string;
  statuses?: readonly string[];
  regions?: readonly string[];
  subsectors?: readonly string[];
};

/**
 * A program's submitted businesses that have an account, as a subquery of `(application_id, user_id,
 * status, closed, consented)`: `consented` says whether the business's latest choice for `purpose` is a consent.
 * Other modules narrow it with conditions on these columns (a stage reached, a workshop attended) and
 * read it in one statement, never row by row.
 */
export function programMembers(filter: MemberFilter, purpose: ConsentPurpose): SQL {
  const conditions = [
    sql`${applications.programId} = ${filter.programId}`,
    sql`${applications.submittedAt} is not null`,
    sql`${applications.applicantId} is not null`,
    sql`${applications.anonymisedAt} is null`,
  ];
  if (filter.statuses?.length)
    conditions.push(inArray(applications.status, filter.statuses as ApplicationStatus[]));
  if (filter.regions?.length) conditions.push(inArray(applications.region, [...filter.regions]));
  if (filter.subsectors?.length) conditions.push(inArray(applications.naics, [...filter.subsectors]));
  return sql`select ${applications.id} as application_id, ${applications.applicantId} as user_id,
      ${applications.status} as status, ${applications.coachingClosedAt} is not null as closed,
      ${hasActiveConsent(purpose)} as consented
    from ${applications} where ${sql.join(conditions, sql` and `)}`;
}

/**
 * Which of these businesses consent now to `purpose` (their latest choice), in one statement: a
 * sender re-checks it just before handing mail over, so a withdrawal made meanwhile wins.
 */
export async function stillConsenting(
  db: Executor,
  applicationIds: readonly string[],
  purpose: ConsentPurpose,
): Promise<Set<string>> {
  if (applicationIds.length === 0) return new Set();
  const rows = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(inArray(applications.id, [...applicationIds]), hasActiveConsent(purpose)));
  return new Set(rows.map((r) => r.id));
}
