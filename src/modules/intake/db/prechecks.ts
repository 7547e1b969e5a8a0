/**
 * The anonymous pre-checks' kept counts (decision 30): one more per program, Montréal day, region and
 * outcome, and the totals the funnel starts from.
 */
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { precheckCounts } from './tables.ts';

export type PrecheckTally = { programId: string; day: string; region: string; eligible: boolean };

/** One statement: concurrent pre-checks add up (the row is locked by the upsert, never read then written). */
export async function tallyPrecheck(db: Executor, tally: PrecheckTally): Promise<void> {
  await db
    .insert(precheckCounts)
    .values({ ...tally, count: 1 })
    .onConflictDoUpdate({
      target: [precheckCounts.programId, precheckCounts.day, precheckCounts.region, precheckCounts.eligible],
      set: { count: sql`${precheckCounts.count} + 1` },
    });
}

/** Pre-checks taken between two Montréal days (inclusive, either end open), in one region or all. */
export async function precheckTotals(
  db: Executor,
  filter: { programId: string; fromDay?: string; toDay?: string; region?: string },
): Promise<{ prechecks: number; eligible: number }> {
  const rows = await db
    .select({
      prechecks: sql<number>`coalesce(sum(${precheckCounts.count}), 0)::int`,
      eligible: sql<number>`coalesce(sum(${precheckCounts.count}) filter (where ${precheckCounts.eligible}), 0)::int`,
    })
    .from(precheckCounts)
    .where(
      and(
        eq(precheckCounts.programId, filter.programId),
        filter.fromDay ? gte(precheckCounts.day, filter.fromDay) : undefined,
        filter.toDay ? lte(precheckCounts.day, filter.toDay) : undefined,
        filter.region ? eq(precheckCounts.region, filter.region) : undefined,
      ),
    );
  return { prechecks: Number(rows[0]?.prechecks ?? 0), eligible: Number(rows[0]?.eligible ?? 0) };
}
