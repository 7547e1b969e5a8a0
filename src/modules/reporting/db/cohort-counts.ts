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
import { FUNNEL_STEPS, type FunnelStep } from '../domain/funnel.ts';
import { type GainSummary, gainSummaryFromSums } from '../domain/impact.ts';
import { cohortCounts, cohortFacts, cohortGainSums } from './tables.ts';

/** The funnel's steps the database counts (pre-checks are not kept). */
export const COHORT_STEPS = FUNNEL_STEPS.filter((step) => step !== 'prechecks');
export type CohortStep = Exclude<FunnelStep, 'prechecks'>;

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

/**
 * The rows a cohort adds up: from `kept` (a table of sums per program, month, region, subsector and size
 * band) for the period's whole months, from the facts (through `perFact`, what one application adds)
 * for the days at its ends, or for a partner's or an expert's files, which are not kept apart.
 */
function cohortSource(filter: KeptCohortFilter, kept: { table: SQL; columns: SQL }, perFact: SQL): SQL {
  const split =
    filter.partnerId || filter.expertUserId
      ? { months: null, edges: [{ from: filter.from, to: filter.to }] }
      : wholeMonthsOf(filter);
  const parts: SQL[] = [];
  if (split.months) {
    const where = [sql`program_id = ${filter.programId}`];
    if (split.months.from) where.push(sql`month >= ${split.months.from}`);
    if (split.months.to) where.push(sql`month < ${split.months.to}`);
    if (filter.region) where.push(sql`region = ${filter.region}`);
    parts.push(sql`select ${kept.columns} from ${kept.table} where ${sql.join(where, sql` and `)}`);
  }
  if (split.edges.length > 0) {
    const within = split.edges.map((edge) => {
      const bounds = [sql`true`];
      if (edge.from) bounds.push(sql`submitted_at >= ${instantParam(startOfMontrealDay(edge.from))}`);
      if (edge.to) bounds.push(sql`submitted_at < ${instantParam(startOfMontrealDay(edge.to, 1))}`);
      return sql`(${sql.join(bounds, sql` and `)})`;
    });
    const where = [sql`f.program_id = ${filter.programId}`, sql`(${sql.join(within, sql` or `)})`];
    if (filter.region) where.push(sql`f.region = ${filter.region}`);
    if (filter.partnerId) where.push(sql`f.partner_id = ${filter.partnerId}`);
    if (filter.expertUserId) where.push(sql`f.expert_user_id = ${filter.expertUserId}`);
    parts.push(sql`select ${perFact} where ${sql.join(where, sql` and `)}`);
  }
  return sql.join(parts, sql` union all `);
}

const OTHER_STEPS = COHORT_STEPS.slice(1).join(', ');

/** The cohort's funnel and its businesses by region, subsector and size band (and a `total` row). */
export async function keptCohortCounts(db: Executor, filter: KeptCohortFilter): Promise<CohortGroup[]> {
  const source = cohortSource(
    filter,
    {
      table: sql`${cohortCounts}`,
      columns: sql.raw(`region, naics, size_band, applications, ${OTHER_STEPS}, accepted_now`),
    },
    sql`f.region, f.naics, f.size_band, 1 as applications, ${sql.raw(OTHER_STEPS)}, f.accepted_now from ${cohortFacts} f`,
  );
  const summed = sql.raw(
    [...COHORT_STEPS, 'accepted_now'].map((c) => `coalesce(sum(${c}), 0)::int as ${c}`).join(', '),
  );
  const rows = await selectRows<Record<string, string | number | null>>(
    db,
    sql`
    select
      case when grouping(region) = 0 then 'region' when grouping(naics) = 0 then 'subsector'
        when grouping(size_band) = 0 then 'size_band' else 'total' end as breakdown,
      case when grouping(region) = 0 then region when grouping(naics) = 0 then naics
        when grouping(size_band) = 0 then size_band end as key,
      ${summed}
    from (${source}) s
    group by grouping sets ((), (region), (naics), (size_band))`,
  );
  return rows.map((r) => ({
    breakdown: r.breakdown as CohortGroup['breakdown'],
    key: r.key === null ? null : String(r.key),
    acceptedNow: Number(r.accepted_now),
    ...(Object.fromEntries(COHORT_STEPS.map((step) => [step, Number(r[step])])) as Record<
      CohortStep,
      number
    >),
  }));
}

/** Per measure, the cohort's T0 → T1 gains summed up, in the shape the impact's interval takes. */
export async function keptGainSummaries(db: Executor, filter: KeptCohortFilter): Promise<GainSummary[]> {
  const source = cohortSource(
    filter,
    { table: sql`${cohortGainSums}`, columns: sql`measure, pairs, sum_tenths, sum_squares, improved` },
    sql`g.key as measure, 1 as pairs, g.value::bigint as sum_tenths, g.value::bigint * g.value::bigint as sum_squares,
      (g.value::int > 0)::int as improved from ${cohortFacts} f cross join lateral jsonb_each_text(f.gains) g`,
  );
  const rows = await selectRows<{
    measure: string;
    pairs: number;
    sum: string;
    squares: string;
    improved: number;
  }>(
    db,
    sql`
    select measure, sum(pairs)::int as pairs, sum(sum_tenths)::text as sum, sum(sum_squares)::text as squares,
      sum(improved)::int as improved
    from (${source}) s group by measure having sum(pairs) > 0 order by measure = 'overall' desc, measure`,
  );
  return rows.map((r) =>
    gainSummaryFromSums({
      measure: r.measure,
      pairs: Number(r.pairs),
      sumTenths: Number(r.sum),
      sumSquares: Number(r.squares),
      improved: Number(r.improved),
    }),
  );
}
