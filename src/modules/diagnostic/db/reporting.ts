/**
 * Read models for the program's reports: completed diagnostics as milestones of a cohort (intake's
 * `Milestone`: a subquery of `(application_id, value)`), and the T0 → T1 score gains summed up in the
 * database, per measure, for the impact's paired interval.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../../../platform/db/client.ts';
import { instantParam } from '../../../platform/db/columns.ts';
import { diagnostics } from './tables.ts';

/** The businesses whose diagnostic of this phase was completed before `asOf`. */
export function completedDiagnostics(phase: 'T0' | 'T1', asOf: Date): SQL {
  return sql`select ${diagnostics.applicationId} as application_id, 1 as value from ${diagnostics}
    where ${diagnostics.phase} = ${phase} and ${diagnostics.status} = 'completed'
      and ${diagnostics.completedAt} < ${instantParam(asOf)}`;
}

/** Per measure (`overall`, `dimension:<id>`): pairs, mean gain, its sample variance, and how many improved. */
export type GainSummary = {
  measure: string;
  pairs: number;
  mean: number;
  variance: number;
  improved: number;
};

/**
 * T1 − T0 per business that completed both, for the businesses of `cohort` (a subquery with an
 * `application_id` column), summed up per measure in one statement.
 */
export async function scoreGains(db: Executor, cohort: SQL): Promise<GainSummary[]> {
  const rows = await selectRows<{
    measure: string;
    pairs: number;
    mean: number | string;
    variance: number | string;
    improved: number;
  }>(
    db,
    sql`
    with pairs as (
      select t0.scores as s0, t1.scores as s1 from ${diagnostics} t0
      join ${diagnostics} t1 on t1.application_id = t0.application_id and t1.phase = 'T1' and t1.status = 'completed'
      where t0.phase = 'T0' and t0.status = 'completed'
        and t0.application_id in (select c.application_id from (${cohort}) c)
    ),
    gains as (
      select 'overall' as measure, (s1->>'overall')::float8 - (s0->>'overall')::float8 as gain from pairs
      union all
      select 'dimension:' || d.key, (s1->'dimensions'->>d.key)::float8 - d.value::float8
      from pairs, jsonb_each_text(s0->'dimensions') d
      where s1->'dimensions'->>d.key is not null
    )
    select measure, count(*)::int as pairs, avg(gain)::float8 as mean,
      coalesce(var_samp(gain), 0)::float8 as variance, count(*) filter (where gain > 0)::int as improved
    from gains group by measure order by measure = 'overall' desc, measure`,
  );
  return rows.map((r) => ({
    measure: r.measure,
    pairs: Number(r.pairs),
    mean: Number(r.mean),
    variance: Number(r.variance),
    improved: Number(r.improved),
  }));
}
