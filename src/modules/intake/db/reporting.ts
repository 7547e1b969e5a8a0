/**
 * Read models for the program's reports (the ministry's view; the dashboard counts its cohort from the
 * counts reporting keeps, decision 29).
 *
 * A report follows a cohort: the applications submitted in a period, optionally in one region, referred
 * by one partner or coached by one expert. Other modules say what happened to a business as a subquery
 * of `(application_id, value)` over their own tables (`Milestone`); intake adds them up over the
 * cohort, in one statement, grouped in the database: nothing is read row by row into Node.
 */
import { type SQL, sql } from 'drizzle-orm';
import { SIZE_BANDS } from '../../../kernel/business.ts';
import { TIME_ZONE } from '../../../kernel/format.ts';
import { anyOf } from '../../../platform/db/bulk.ts';
import { type Executor, selectRows } from '../../../platform/db/client.ts';
import { instantParam } from '../../../platform/db/columns.ts';
import { applicationEvents, applications, partnerOrganizations } from './tables.ts';

export type CohortFilter = {
  programId: string;
  /** Submitted at or after this instant. */
  from?: Date;
  /** Submitted before this instant. */
  to?: Date;
  region?: string;
  partnerId?: string;
  /** The user account of the expert coaching the file now. */
  expertUserId?: string;
};

/** A subquery of `(application_id, value)`: the businesses that reached a step, or what each counts for. */
export type Milestone = SQL;

const sizeBand = sql.raw(
  `case ${SIZE_BANDS.map((b) =>
    Number.isFinite(b.max)
      ? `when employees between ${b.min} and ${b.max} then '${b.id}'`
      : `when employees >= ${b.min} then '${b.id}'`,
  ).join(' ')} end`,
);

function cohortWhere(f: CohortFilter): SQL {
  const conditions = [
    sql`${applications.programId} = ${f.programId}`,
    sql`${applications.submittedAt} is not null`,
  ];
  if (f.from) conditions.push(sql`${applications.submittedAt} >= ${instantParam(f.from)}`);
  if (f.to) conditions.push(sql`${applications.submittedAt} < ${instantParam(f.to)}`);
  if (f.region) conditions.push(sql`${applications.region} = ${f.region}`);
  if (f.partnerId) conditions.push(sql`${applications.partnerOrganizationId} = ${f.partnerId}`);
  if (f.expertUserId) conditions.push(sql`${applications.assignedExpertUserId} = ${f.expertUserId}`);
  return sql.join(conditions, sql` and `);
}

export const BREAKDOWN_KEYS = ['region', 'subsector', 'size_band'] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];

/**
 * One group of a breakdown (`total` for the whole cohort): businesses, their values' sum, and the
 * largest. `month` groups by the Montréal month of submission (`2027-01`), which reports fold into
 * whatever periods they publish (fiscal quarters) since every figure here adds up or takes the max.
 */
export type BreakdownRow = {
  breakdown: BreakdownKey | 'month' | 'total';
  key: string | null;
  businesses: number;
  /** Of them, those holding a place in the program now. */
  accepted: number;
  sum: number;
  largest: number;
};

/**
 * The cohort's businesses that have a value in `measure` (all of them, each counting 1, without one),
 * by region, NAICS subsector, size band and month of submission, and in total: one statement with
 * grouping sets.
 */
export async function cohortBreakdown(
  db: Executor,
  filter: CohortFilter,
  measure: Milestone | null,
): Promise<BreakdownRow[]> {
  const month = sql`to_char(${applications.submittedAt} at time zone ${TIME_ZONE}, 'YYYY-MM')`;
  const source = measure
    ? sql`(select region, naics, ${sizeBand} as size_band, ${month} as month, status, m.value::float8 as value
        from ${applications} join (${measure}) m on m.application_id = ${applications.id} where ${cohortWhere(filter)})`
    : sql`(select region, naics, ${sizeBand} as size_band, ${month} as month, status, 1::float8 as value
        from ${applications} where ${cohortWhere(filter)})`;
  const rows = await selectRows<{
    region: string | null;
    subsector: string | null;
    size_band: string | null;
    month: string | null;
    g_region: number;
    g_subsector: number;
    g_size: number;
    g_month: number;
    businesses: number;
    accepted: number;
    total: number | string;
    largest: number | string;
  }>(
    db,
    sql`
    select region, naics as subsector, size_band, month,
      grouping(region)::int as g_region, grouping(naics)::int as g_subsector, grouping(size_band)::int as g_size,
      grouping(month)::int as g_month,
      count(*)::int as businesses, count(*) filter (where status = 'accepted')::int as accepted,
      coalesce(sum(value), 0)::float8 as total,
      coalesce(max(value), 0)::float8 as largest
    from ${source} s
    group by grouping sets ((region), (naics), (size_band), (month), ())`,
  );
  return rows.map((r) => {
    const breakdown: BreakdownRow['breakdown'] =
      Number(r.g_region) === 0
        ? 'region'
        : Number(r.g_subsector) === 0
          ? 'subsector'
          : Number(r.g_size) === 0
            ? 'size_band'
            : Number(r.g_month) === 0
              ? 'month'
              : 'total';
    const key = {
      region: r.region,
      subsector: r.subsector,
      size_band: r.size_band,
      month: r.month,
      total: null,
    }[breakdown];
    return {
      breakdown,
      key,
      businesses: Number(r.businesses),
      accepted: Number(r.accepted),
      sum: Number(r.total),
      largest: Number(r.largest),
    };
  });
}

/**
 * What the forecast needs: the businesses holding a place now, and the acceptances (events) since
 * `windowStart`, whatever became of them.
 */
export async function acceptancePace(
  db: Executor,
  programId: string,
  windowStart: Date,
): Promise<{ accepted: number; acceptedInWindow: number }> {
  const rows = await selectRows<{ accepted: number; in_window: number }>(
    db,
    sql`
    select
      (select count(*)::int from ${applications}
        where ${applications.programId} = ${programId} and ${applications.status} = 'accepted') as accepted,
      (select count(*)::int from ${applicationEvents} e join ${applications} a on a.id = e.application_id
        where a.program_id = ${programId} and e.kind = 'accepted' and e.occurred_at >= ${instantParam(windowStart)}) as in_window`,
  );
  const row = rows[0];
  return { accepted: Number(row?.accepted ?? 0), acceptedInWindow: Number(row?.in_window ?? 0) };
}

/** The names of businesses, for alerts that link to their files (the program team only). */
export async function businessNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await selectRows<{ id: string; name: string | null }>(
    db,
    sql`
    select id, coalesce(nullif(trade_name, ''), legal_name) as name from ${applications}
    where ${anyOf(applications.id, ids)}`,
  );
  return new Map(rows.map((r) => [r.id, r.name ?? '']));
}

/** The cohort as a subquery of `application_id`, for other modules' read models (score gains, alerts). */
export function cohortIds(filter: CohortFilter): SQL {
  return sql`select ${applications.id} as application_id from ${applications} where ${cohortWhere(filter)}`;
}

/** The program's partner organisations, by name (the dashboard's partner filter). */
export async function partnersOf(db: Executor, programId: string): Promise<{ id: string; name: string }[]> {
  const rows = await selectRows<{ id: string; name: string }>(
    db,
    sql`
    select ${partnerOrganizations.id} as id, ${partnerOrganizations.name} as name from ${partnerOrganizations}
    where ${partnerOrganizations.programId} = ${programId} order by ${partnerOrganizations.name}`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name }));
}
