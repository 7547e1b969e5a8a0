import { and, desc, eq, exists, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { claims } from '../../funding/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import type { SignalKind, SignalStatus } from '../domain/kinds.ts';
import { signalFiles, signals } from './tables.ts';

export type SignalFilter = {
  status?: 'open' | 'resolved' | SignalStatus;
  kind?: SignalKind;
  programId?: string;
  applicationId?: string;
  claimId?: string;
};

const statusClause = (status: SignalFilter['status']): SQL | undefined =>
  status === undefined
    ? undefined
    : status === 'resolved'
      ? ne(signals.status, 'open')
      : eq(signals.status, status);

const filesWhere = (clause: SQL) =>
  exists(sql`(select 1 from ${signalFiles} where ${signalFiles.signalId} = ${signals.id} and ${clause})`);

/** Signals, newest first, with the files they concern (the business's name, the claim's number). */
export async function signalRows(
  db: Executor,
  filter: SignalFilter,
  limit: number,
  after?: [string, string],
) {
  const rows = await db
    .select()
    .from(signals)
    .where(
      and(
        statusClause(filter.status),
        filter.kind ? eq(signals.kind, filter.kind) : undefined,
        filter.programId ? filesWhere(sql`${signalFiles.programId} = ${filter.programId}`) : undefined,
        filter.applicationId
          ? filesWhere(sql`${signalFiles.applicationId} = ${filter.applicationId}`)
          : undefined,
        filter.claimId ? filesWhere(sql`${signalFiles.claimId} = ${filter.claimId}`) : undefined,
        after
          ? or(
              lt(signals.createdAt, new Date(after[0])),
              and(eq(signals.createdAt, new Date(after[0])), lt(signals.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(signals.createdAt), desc(signals.id))
    .limit(limit);
  return withFiles(db, rows);
}

export async function signalRow(db: Executor, id: string) {
  const rows = await db.select().from(signals).where(eq(signals.id, id));
  return (await withFiles(db, rows))[0];
}

async function withFiles<T extends { id: string }>(db: Executor, rows: T[]) {
  if (rows.length === 0) return [];
  const files = await db
    .select({
      signalId: signalFiles.signalId,
      applicationId: signalFiles.applicationId,
      claimId: signalFiles.claimId,
      programId: signalFiles.programId,
      businessName: applications.legalName,
      claimNumber: claims.number,
    })
    .from(signalFiles)
    .innerJoin(applications, eq(applications.id, signalFiles.applicationId))
    .leftJoin(claims, eq(claims.id, signalFiles.claimId))
    .where(
      inArray(
        signalFiles.signalId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(applications.legalName, signalFiles.fileId);
  return rows.map((row) => ({
    ...row,
    files: files.filter((f) => f.signalId === row.id).map(({ signalId: _, ...file }) => file),
  }));
}

export type SignalRow = Awaited<ReturnType<typeof signalRows>>[number];
