/**
 * The dashboard's cohort counted from what the database keeps (decision 29): the whole months of the
 * period from `reporting_cohort_counts` (a few thousand rows a year), the days at its ends and any
 * partner or expert filter from `reporting_cohort_facts` (one narrow row per application, read by index),
 * added up in one statement by region, subsector, size band and in total.
 */
import { type SQL, sql } from 'drizzle-orm';
import { startOfMontrealDay } from '../../../kernel/format.ts';
import { type Executor, selectRows } from '../../../platform/db/client.ts';
import { instantParam } from '../../../platform/db/columns.ts';
import { type DayPeriod, wholeMonthsOf } from '../domain/days.ts';
import { cohortCounts, cohortFacts } from './tables.ts';

export const COHORT_STEPS = [
  'applications',
  'eligible',
  'accepted',
  'waitlisted',
  't0_done',
  'assigned',
  'plan_approved',
  'closed',
  't1_done',
] as const;
export type CohortStep = (typeof COHORT_STEPS)[number];

export type KeptCohortFilter = DayPeriod & {
  programId: string;
  region?: string;
  partnerId?: string;
  /** The user account of the expert coaching the file now. */
  expertUserId?: string;
};

export type CohortGroup = {
  breakdown: 'region' | 'subsector' | 'size_band' | 'total';
  key: string | null;
  /** Of its businesses, those holding a place in the program now. */
  acceptedNow: number;
} & Record<CohortStep, number>;

/** The columns both tables share, as each sums them (a fact row is one application). */
const summed = sql.raw(
  [...COHORT_STEPS, 'accepted_now'].map((c) => `coalesce(sum(${c}), 0)::int as ${c}`).join(', '),
);
const counted = sql.raw(['applications', ...COHORT_STEPS.slice(1), 'accepted_now'].join(', '));
const perFact = sql.raw(['1 as applications', ...COHORT_STEPS.slice(1), 'accepted_now'].join(', '));

/** The cohort's funnel and its businesses by region, subsector and size band (a `total` row first). */
export async function keptCohortCounts(db: Executor, filter: KeptCohortFilter): Promise<CohortGroup[]> {
  // A partner's or an expert's files are not kept apart: counted one by one, through their index.
  const split =
    filter.partnerId || filter.expertUserId
      ? { months: null, edges: [{ from: filter.from, to: filter.to }] }
      : wholeMonthsOf(filter);
  const parts: SQL[] = [];
  if (split.months) {
    const where = [sql`${cohortCounts.programId} = ${filter.programId}`];
    if (split.months.from) where.push(sql`${cohortCounts.month} >= ${split.months.from}`);
    if (split.months.to) where.push(sql`${cohortCounts.month} < ${split.months.to}`);
    if (filter.region) where.push(sql`${cohortCounts.region} = ${filter.region}`);
    parts.push(
      sql`select region, naics, size_band, ${counted} from ${cohortCounts} where ${sql.join(where, sql` and `)}`,
    );
  }
  if (split.edges.length > 0) {
    const within = split.edges.map((edge) => {
      const bounds = [sql`true`];
      if (edge.from)
        bounds.push(sql`${cohortFacts.submittedAt} >= ${instantParam(startOfMontrealDay(edge.from))}`);
      if (edge.to)
        bounds.push(sql`${cohortFacts.submittedAt} < ${instantParam(startOfMontrealDay(edge.to, 1))}`);
      return sql`(${sql.join(bounds, sql` and `)})`;
    });
    const where = [
      sql`${cohortFacts.programId} = ${filter.programId}`,
      sql`(${sql.join(within, sql` or `)})`,
    ];
    if (filter.region) where.push(sql`${cohortFacts.region} = ${filter.region}`);
    if (filter.partnerId) where.push(sql`${cohortFacts.partnerId} = ${filter.partnerId}`);
    if (filter.expertUserId) where.push(sql`${cohortFacts.expertUserId} = ${filter.expertUserId}`);
    parts.push(
      sql`select region, naics, size_band, ${perFact} from ${cohortFacts} where ${sql.join(where, sql` and `)}`,
    );
  }
  const rows = await selectRows<Record<string, string | number | null>>(
    db,
    sql`
    select region, naics, size_band,
      grouping(region)::int as g_region, grouping(naics)::int as g_subsector, grouping(size_band)::int as g_size,
      ${summed}
    from (${sql.join(parts, sql` union all `)}) s
    group by grouping sets ((), (region), (naics), (size_band))`,
  );
  return rows.map((r) => {
    const breakdown: CohortGroup['breakdown'] =
      Number(r.g_region) === 0
        ? 'region'
        : Number(r.g_subsector) === 0
          ? 'subsector'
          : Number(r.g_size) === 0
            ? 'size_band'
            : 'total';
    const key = { region: r.region, subsector: r.naics, size_band: r.size_band, total: null }[breakdown];
    const counts = Object.fromEntries(COHORT_STEPS.map((step) => [step, Number(r[step])])) as Record<
      CohortStep,
      number
    >;
    return {
      breakdown,
      key: key === null ? null : String(key),
      acceptedNow: Number(r.accepted_now),
      ...counts,
    };
  });
}
