import { and, eq, exists, inArray, isNotNull, isNull, lt, notExists, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../platform/db/client.ts';
import { agreements, bankAccounts, claimAttachments, claims } from '../../funding/db/tables.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { researchExtracts } from '../../reporting/db/tables.ts';
import { privacyRequests } from './request-tables.ts';
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

/** Due rows of another module's table: their ids, a chunk at a time, or only their number (a dry run). */
export type DueRecords = {
  count(db: Executor, cutoff: Date): Promise<number>;
  ids(db: Executor, cutoff: Date, limit: number): Promise<string[]>;
};

function dueRecords(table: PgTable, id: PgColumn, due: (cutoff: Date) => SQL): DueRecords {
  return {
    count: (db, cutoff) => db.$count(table, due(cutoff)),
    async ids(db, cutoff, limit) {
      const rows = await db
        .select({ id })
        .from(table)
        .where(due(cutoff))
        .orderBy(id)
        .limit(limit)
        .for('update', { skipLocked: true });
      return rows.map((r) => r.id as string);
    },
  };
}

const notHeld = (applicationId: PgColumn) =>
  notExists(sql`(select 1 from ${legalHolds} where ${legalHolds.applicationId} = ${applicationId})`);

/** An agreement that ended (declined, expired, withdrawn or closed) before the cutoff. */
const endedBefore = (cutoff: Date) =>
  and(
    inArray(agreements.status, ['declined', 'expired', 'withdrawn', 'closed']),
    lt(sql`coalesce(${agreements.closedAt}, ${agreements.updatedAt})`, cutoff),
  )!;

/** Files attached to claims under an agreement that ended before the cutoff; files on hold stay. */
export const dueClaimFiles = dueRecords(claimAttachments, claimAttachments.id, (cutoff) =>
  exists(
    sql`(select 1 from ${claims} join ${agreements} on ${agreements.id} = ${claims.agreementId}
      where ${claims.id} = ${claimAttachments.claimId} and ${endedBefore(cutoff)} and ${notHeld(claims.applicationId)})`,
  ),
);

/**
 * Bank details not changed since the cutoff, of a business whose every agreement ended before it (or
 * that has none): nothing is left to pay or trace. Files on hold stay.
 */
export const dueBankAccounts = dueRecords(
  bankAccounts,
  bankAccounts.applicationId,
  (cutoff) =>
    and(
      lt(bankAccounts.updatedAt, cutoff),
      notExists(
        sql`(select 1 from ${agreements} where ${agreements.applicationId} = ${bankAccounts.applicationId}
        and not (${endedBefore(cutoff)}))`,
      ),
      notHeld(bankAccounts.applicationId),
    )!,
);

/**
 * Retailers' accounts never used for an application, not signed in since the cutoff (or never, created
 * before it), with no request of theirs waiting for the privacy officer.
 */
export const dueUnusedAccounts = dueRecords(
  users,
  users.id,
  (cutoff) =>
    and(
      eq(users.role, 'retailer'),
      isNull(users.erasedAt),
      lt(sql`coalesce(${users.lastSignInAt}, ${users.createdAt})`, cutoff),
      notExists(sql`(select 1 from ${applications} where ${applications.applicantId} = ${users.id})`),
      notExists(
        sql`(select 1 from ${privacyRequests} where ${privacyRequests.requesterId} = ${users.id}
        and ${privacyRequests.status} in ('received', 'in_progress'))`,
      ),
    )!,
);

/** Research extracts produced before the cutoff whose rows are still stored. */
export const dueResearchExtracts = dueRecords(
  researchExtracts,
  researchExtracts.id,
  (cutoff) => and(eq(researchExtracts.status, 'approved'), lt(researchExtracts.extractedAt, cutoff))!,
);
