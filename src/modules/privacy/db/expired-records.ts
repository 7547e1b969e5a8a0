import { and, eq, inArray, isNotNull, isNull, lt, notExists, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { applications } from '../../intake/db/tables.ts';
import { legalHolds, retentionPeriods } from './retention-tables.ts';

/** The kinds of record the retention job finds among applications (a file and what hangs from it). */
export const APPLICATION_KINDS = [
  'closed_file',
  'refused_application',
  'withdrawn_application',
  'abandoned_draft',
] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** When each kind's period starts, as SQL on the application row. */
function expired(kind: ApplicationKind, cutoff: Date): SQL {
  switch (kind) {
    case 'closed_file':
      return and(isNotNull(applications.coachingClosedAt), lt(applications.coachingClosedAt, cutoff))!;
    case 'refused_application':
      return and(eq(applications.status, 'refused'), lt(applications.decidedAt, cutoff))!;
    case 'withdrawn_application':
      return and(eq(applications.status, 'withdrawn'), lt(applications.updatedAt, cutoff))!;
    case 'abandoned_draft':
      return and(eq(applications.status, 'draft'), lt(applications.updatedAt, cutoff))!;
  }
}

/** Expired, not yet anonymised, and not under a legal hold. */
function due(kind: ApplicationKind, cutoff: Date): SQL {
  const held = sql`(select 1 from ${legalHolds} where ${legalHolds.applicationId} = ${applications.id})`;
  return and(expired(kind, cutoff), isNull(applications.anonymisedAt), notExists(held))!;
}

export async function countDueApplications(db: Executor, kind: ApplicationKind, cutoff: Date) {
  return db.$count(applications, due(kind, cutoff));
}

/** One chunk of due applications, locked so a concurrent run does not anonymise them twice. */
export async function dueApplicationIds(db: Executor, kind: ApplicationKind, cutoff: Date, limit: number) {
  const rows = await db
    .select({ id: applications.id })
    .from(applications)
    .where(due(kind, cutoff))
    .orderBy(applications.id)
    .limit(limit)
    .for('update', { skipLocked: true });
  return rows.map((r) => r.id);
}

/** The officer's periods, by kind. */
export async function periodOverrides(db: Executor): Promise<Map<string, number>> {
  const rows = await db.select().from(retentionPeriods);
  return new Map(rows.map((r) => [r.kind, r.periodMonths]));
}

export async function heldApplicationIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: legalHolds.applicationId })
    .from(legalHolds)
    .where(inArray(legalHolds.applicationId, ids));
  return new Set(rows.map((r) => r.id));
}
