/**
 * Read models for the program's reports: coaching milestones and measures as subqueries of
 * `(application_id, value)` (intake's `Milestone`, counted or summed over a cohort there), and the
 * alerts of the program's dashboard, found and counted in the database.
 */
import { type SQL, sql } from 'drizzle-orm';
import { formatDate, TIME_ZONE } from '../../../kernel/format.ts';
import { type Executor, selectRows } from '../../../platform/db/client.ts';
import { instantParam } from '../../../platform/db/columns.ts';
import { NO_CONTACT_DAYS } from '../domain/plan.ts';
import type { SessionMode } from '../domain/sessions.ts';
import {
  actionPlans,
  closures,
  coachingExpertOutcomes,
  coachingFileFacts,
  coachingSessions,
  outcomeSurveys,
  planActions,
} from './tables.ts';

/** Businesses whose action plan was approved before `asOf`. */
export function approvedPlans(asOf: Date): SQL {
  return sql`select ${actionPlans.applicationId} as application_id, 1 as value from ${actionPlans}
    where ${actionPlans.status} = 'approved' and ${actionPlans.approvedAt} < ${instantParam(asOf)}`;
}

/** Hours of coaching held per business (minutes logged, in hours), in every mode or in one. */
export function hoursHeld(mode?: SessionMode): SQL {
  const inMode = mode ? sql` and ${coachingSessions.mode} = ${mode}` : sql``;
  return sql`select ${coachingSessions.applicationId} as application_id,
      sum(${coachingSessions.minutesLogged}) / 60.0 as value
    from ${coachingSessions} where ${coachingSessions.status} = 'held' and ${coachingSessions.minutesLogged} > 0${inMode}
    group by ${coachingSessions.applicationId}`;
}

/** The outcome surveys' numeric answers a report may add up or average. */
export const SURVEY_MEASURES = ['jobsCreated', 'onlineSalesShare', 'satisfactionProgram'] as const;
export type SurveyMeasure = (typeof SURVEY_MEASURES)[number];
export type SurveyWave = (typeof outcomeSurveys.wave.enumValues)[number];

/** One answer of a wave of the outcome survey (at closure, six months later), per business that answered it. */
export function surveyAnswer(wave: SurveyWave, measure: SurveyMeasure): SQL {
  return sql`select ${outcomeSurveys.applicationId} as application_id,
      (${outcomeSurveys.answers}->>${measure})::float8 as value
    from ${outcomeSurveys}
    where ${outcomeSurveys.wave} = ${wave} and ${outcomeSurveys.answeredAt} is not null`;
}

export const ALERT_KINDS = ['no_contact', 'plan_overdue', 'survey_unanswered'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertList = { kind: AlertKind; count: number; files: { applicationId: string; since: Date }[] };

/**
 * Files that need the team, among `files.cohort` (a subquery of `application_id`; `files.whole` when it
 * is every submitted file of `files.programId`), oldest first, at most `limit` of each kind with the
 * count of all (a due day counts from its start in Montréal): open files with no session held for 30
 * days (counted from the assignment when none was held yet; read from the kept file facts, decision 48,
 * by program alone for the whole program), open plans with an action past its due day, and surveys sent
 * and past due without an answer. Each kind is counted and its first files read on its own, by index.
 */
export async function coachingAlerts(
  db: Executor,
  files: { programId: string; cohort: SQL; whole: boolean },
  now: Date,
  limit: number,
): Promise<AlertList[]> {
  const inCohort = (column: SQL) => sql`${column} in (select c.application_id from (${files.cohort}) c)`;
  const since = new Date(now.getTime() - NO_CONTACT_DAYS * 86_400_000);
  const today = formatDate(now);
  const first = (kind: AlertKind) =>
    sql`(select ${kind}::text as kind, application_id, since, (select count(*)::int from ${sql.raw(kind)}) as total
      from ${sql.raw(kind)} order by since, application_id limit ${limit})`;
  const rows = await selectRows<{
    kind: AlertKind;
    application_id: string;
    since: string | Date;
    total: number;
  }>(
    db,
    sql`
    with no_contact as not materialized (
      select f.application_id, f.open_since as since from ${coachingFileFacts} f
      where f.program_id = ${files.programId} and f.open_since < ${instantParam(since)}
        ${files.whole ? sql`` : sql`and ${inCohort(sql`f.application_id`)}`}
    ),
    plan_overdue as not materialized (
      select pa.application_id, (min(pa.due_date)::timestamp at time zone ${TIME_ZONE}) as since
      from ${planActions} pa
      where pa.status in ('todo', 'in_progress') and pa.due_date < ${today}::date and ${inCohort(sql`pa.application_id`)}
        and not exists (select 1 from ${closures} cl where cl.application_id = pa.application_id)
      group by pa.application_id
    ),
    survey_unanswered as not materialized (
      select os.application_id, os.due_at as since from ${outcomeSurveys} os
      where os.sent_at is not null and os.answered_at is null and os.due_at < ${instantParam(now)}
        and ${inCohort(sql`os.application_id`)}
    )
    ${sql.join(
      ALERT_KINDS.map((kind) => first(kind)),
      sql` union all `,
    )}
    order by kind, since, application_id`,
  );
  return ALERT_KINDS.map((kind) => {
    const ofKind = rows.filter((r) => r.kind === kind);
    return {
      kind,
      count: Number(ofKind[0]?.total ?? 0),
      files: ofKind.map((r) => ({ applicationId: r.application_id, since: new Date(r.since) })),
    };
  });
}

/** What the files an expert closed came to: the program's own yardstick for coaching quality. */
export type ExpertOutcomeRow = {
  expertId: string;
  closedFiles: number;
  /** Closed files with both diagnostics, their mean T1 − T0 overall gain, and that gain less what their T0 predicts. */
  pairs: number;
  meanGain: number | null;
  gainBeyondExpected: number | null;
  /** Closure surveys answered, and their mean rating of the expert (1–5). */
  surveys: number;
  satisfaction: number | null;
  /** Plan actions of the closed files, and how many were done. */
  actions: number;
  actionsDone: number;
};

/**
 * Per expert of the program, the outcomes of the files they closed (the assignment a closure ended),
 * from their sums kept per expert (decision 48: a row per expert, whatever the number of files). The
 * expected gain is the program's least-squares line of gain on T0 over every closed pair, fitted from
 * those exact sums in tenths (the mean gain when T0 does not vary), since businesses
 * that start low have more room to gain: an expert is compared with what their files' starting
 * maturity predicts, not with the raw mean.
 */
export async function expertOutcomes(db: Executor, programId: string): Promise<ExpertOutcomeRow[]> {
  const rows = await selectRows<{
    expert_id: string;
    closed_files: number;
    pairs: number | null;
    mean_gain: number | string | null;
    beyond: number | string | null;
    surveys: number | null;
    satisfaction: number | string | null;
    actions: number | null;
    done: number | null;
  }>(
    db,
    sql`
    with sums as (
      select * from ${coachingExpertOutcomes} where program_id = ${programId} and closed_files > 0
    ),
    line as (
      select sum(pairs)::numeric as n, sum(t0_sum)::numeric as sx, sum(gain_sum)::numeric as sy,
        sum(t0_squares)::numeric as sxx, sum(t0_gains)::numeric as sxy from sums
    ),
    fit as (
      select n, sx, sy, case when n > 1 and n * sxx - sx * sx <> 0
        then (n * sxy - sx * sy) / (n * sxx - sx * sx) end as slope from line
    )
    select s.expert_id, s.closed_files, s.pairs,
      (case when s.pairs > 0 then s.gain_sum / 10.0 / s.pairs end)::float8 as mean_gain,
      (case when s.pairs > 0 then (s.gain_sum - coalesce(f.slope * s.t0_sum + (f.sy - f.slope * f.sx) / f.n * s.pairs,
        f.sy / f.n * s.pairs)) / 10.0 / s.pairs end)::float8 as beyond,
      s.surveys, (case when s.ratings > 0 then s.rating_sum / s.ratings end)::float8 as satisfaction,
      s.actions, s.actions_done as done
    from sums s cross join fit f`,
  );
  const numberOrNull = (v: number | string | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    expertId: r.expert_id,
    closedFiles: Number(r.closed_files),
    pairs: Number(r.pairs ?? 0),
    meanGain: numberOrNull(r.mean_gain),
    gainBeyondExpected: numberOrNull(r.beyond),
    surveys: Number(r.surveys ?? 0),
    satisfaction: numberOrNull(r.satisfaction),
    actions: Number(r.actions ?? 0),
    actionsDone: Number(r.done ?? 0),
  }));
}
