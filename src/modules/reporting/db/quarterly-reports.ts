import { and, desc, eq, max, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { users } from '../../identity/db/tables.ts';
import { quarterlyReports } from './tables.ts';

/** The reports with their producer's name, newest quarter first, then newest version first. */
export async function reportsWithProducer(db: Executor, where: SQL | undefined, limit = 200) {
  const rows = await db
    .select({ report: quarterlyReports, producerName: users.name })
    .from(quarterlyReports)
    .innerJoin(users, eq(users.id, quarterlyReports.producedBy))
    .where(where)
    .orderBy(
      desc(quarterlyReports.fiscalYear),
      desc(quarterlyReports.quarter),
      desc(quarterlyReports.version),
    )
    .limit(limit);
  return rows.map((r) => ({ ...r.report, producerName: r.producerName }));
}

export type ReportRow = Awaited<ReturnType<typeof reportsWithProducer>>[number];

export async function findReport(db: Executor, id: string): Promise<ReportRow | undefined> {
  const [row] = await reportsWithProducer(db, eq(quarterlyReports.id, id), 1);
  return row;
}

/** The latest version produced for a program's quarter, 0 when none was. */
export async function latestVersion(
  db: Executor,
  programId: string,
  fiscalYear: number,
  quarter: number,
): Promise<number> {
  const [row] = await db
    .select({ version: max(quarterlyReports.version) })
    .from(quarterlyReports)
    .where(
      and(
        eq(quarterlyReports.programId, programId),
        eq(quarterlyReports.fiscalYear, fiscalYear),
        eq(quarterlyReports.quarter, quarter),
      ),
    );
  return row?.version ?? 0;
}
