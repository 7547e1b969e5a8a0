/**
 * The anonymous pre-checks' kept counts (decision 30): one more per program, Montréal day, region and
 * outcome, and the totals the funnel starts from.
 */
import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../platform/db/client.ts';
import type { Localised } from '../domain/eligibility.ts';
import { criteriaVersions, precheckCounts, precheckFailures } from './tables.ts';

export type PrecheckTally = {
  programId: string;
  day: string;
  region: string;
  eligible: boolean;
  /** The ids of the criteria it failed. */
  failed: string[];
};

/**
 * One statement per table: concurrent pre-checks add up (the rows are locked by the upsert, never read
 * then written). The failed criteria are counted in the same way, one row per criterion.
 */
export async function tallyPrecheck(db: Executor, { failed, ...tally }: PrecheckTally): Promise<void> {
  await db
    .insert(precheckCounts)
    .values({ ...tally, count: 1 })
    .onConflictDoUpdate({
      target: [precheckCounts.programId, precheckCounts.day, precheckCounts.region, precheckCounts.eligible],
      set: { count: sql`${precheckCounts.count} + 1` },
    });
  if (failed.length === 0) return;
  const { programId, day, region } = tally;
  await db
    .insert(precheckFailures)
    .values(failed.map((criterionId) => ({ programId, day, region, criterionId, count: 1 })))
    .onConflictDoUpdate({
      target: [
        precheckFailures.programId,
        precheckFailures.day,
        precheckFailures.region,
        precheckFailures.criterionId,
      ],
      set: { count: sql`${precheckFailures.count} + 1` },
    });
}

type PrecheckFilter = { programId: string; fromDay?: string; toDay?: string; region?: string };

const inPeriod = (
  table: { programId: PgColumn; day: PgColumn; region: PgColumn },
  filter: PrecheckFilter,
): SQL | undefined =>
  and(
    eq(table.programId, filter.programId),
    filter.fromDay ? gte(table.day, filter.fromDay) : undefined,
    filter.toDay ? lte(table.day, filter.toDay) : undefined,
    filter.region ? eq(table.region, filter.region) : undefined,
  );

/**
 * How many pre-checks failed each criterion over the period, most failed first, with the criterion's
 * name from the latest criteria version that has it.
 */
export async function precheckFailureTotals(
  db: Executor,
  filter: PrecheckFilter,
): Promise<{ criterionId: string; count: number; label: Localised | null }[]> {
  const [rows, versions] = await Promise.all([
    db
      .select({
        criterionId: precheckFailures.criterionId,
        count: sql<number>`sum(${precheckFailures.count})::int`.mapWith(Number),
      })
      .from(precheckFailures)
      .where(inPeriod(precheckFailures, filter))
      .groupBy(precheckFailures.criterionId)
      .orderBy(desc(sql`2`), precheckFailures.criterionId),
    db
      .select({ criteria: criteriaVersions.criteria })
      .from(criteriaVersions)
      .where(eq(criteriaVersions.programId, filter.programId))
      .orderBy(desc(criteriaVersions.version)),
  ]);
  const labelOf = (id: string) => versions.flatMap((v) => v.criteria).find((c) => c.id === id)?.label ?? null;
  return rows.map((r) => ({ ...r, label: labelOf(r.criterionId) }));
}

/** Pre-checks taken between two Montréal days (inclusive, either end open), in one region or all. */
export async function precheckTotals(
  db: Executor,
  filter: PrecheckFilter,
): Promise<{ prechecks: number; eligible: number }> {
  const rows = await db
    .select({
      prechecks: sql<number>`coalesce(sum(${precheckCounts.count}), 0)::int`,
      eligible: sql<number>`coalesce(sum(${precheckCounts.count}) filter (where ${precheckCounts.eligible}), 0)::int`,
    })
    .from(precheckCounts)
    .where(inPeriod(precheckCounts, filter));
  return { prechecks: Number(rows[0]?.prechecks ?? 0), eligible: Number(rows[0]?.eligible ?? 0) };
}
