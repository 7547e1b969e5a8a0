/**
 * Read models for the program's reports: coaching milestones and measures as subqueries of
 * `(application_id, value)` (intake's `Milestone`, counted or summed over a cohort there), and the
 * alerts of the program's dashboard, found and counted in the database.
 */
import { type SQL, sql } from 'drizzle-orm';
import { formatDate, TIME_ZONE } from '../../../kernel/format.ts';
import { type Executor, selectRows } from '../../../platform/db/client.ts';
import { instantParam } from '../../../platform/db/columns.ts';
import { diagnostics } from '../../diagnostic/db/tables.ts';
import { assignments } from '../../experts/db/tables.ts';
import { NO_CONTACT_DAYS } from '../domain/plan.ts';
import type { SessionMode } from '../domain/sessions.ts';
import { actionPlans, closures, coachingSessions, outcomeSurveys, planActions } from './tables.ts';

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
 * Files that need the team, among `cohort` (a subquery of `application_id`), oldest first, at most
 * `limit` of each kind with the count of all (a due day counts from its start in Montréal): open files with no session held for 30 days (counted
 * from the assignment when none was held yet), open plans with an action past its due day, and surveys
 * sent and past due without an answer.
 */
export async function coachingAlerts(
  db: Executor,
  cohort: SQL,
  now: Date,
  limit: number,
): Promise<AlertList[]> {
  const inCohort = (column: SQL) => sql`${column} in (select c.application_id from (${cohort}) c)`;
  const since = new Date(now.getTime() - NO_CONTACT_DAYS * 86_400_000);
  const today = formatDate(now);
  const rows = await selectRows<{
    kind: AlertKind;
    application_id: string;
    since: string | Date;
    total: number;
  }>(
    db,
    sql`
    with no_contact as (
      select asg.application_id, coalesce(
        (select max(s.starts_at) from ${coachingSessions} s where s.application_id = asg.application_id and s.status = 'held'),
        asg.assigned_at) as since
      from ${assignments} asg
      where asg.status = 'active' and ${inCohort(sql`asg.application_id`)}
        and not exists (select 1 from ${closures} cl where cl.application_id = asg.application_id)
    ),
    overdue as (
      select pa.application_id, (min(pa.due_date)::timestamp at time zone ${TIME_ZONE}) as since
      from ${planActions} pa
      where pa.status in ('todo', 'in_progress') and pa.due_date < ${today}::date and ${inCohort(sql`pa.application_id`)}
        and not exists (select 1 from ${closures} cl where cl.application_id = pa.application_id)
      group by pa.application_id
    ),
    unanswered as (
      select os.application_id, os.due_at as since from ${outcomeSurveys} os
      where os.sent_at is not null and os.answered_at is null and os.due_at < ${instantParam(now)}
        and ${inCohort(sql`os.application_id`)}
    ),
    alerts as (
      select 'no_contact' as kind, application_id, since from no_contact where since < ${instantParam(since)}
      union all select 'plan_overdue', application_id, since from overdue
      union all select 'survey_unanswered', application_id, since from unanswered
    ),
    ranked as (
      select kind, application_id, since, count(*) over (partition by kind)::int as total,
        row_number() over (partition by kind order by since, application_id) as position
      from alerts
    )
    select kind, application_id, since, total from ranked where position <= ${limit} order by kind, position`,
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
 * in one statement. The expected gain is the program's least-squares line of gain on T0 over every
 * closed pair (`regr_intercept`, `regr_slope`; the mean gain when T0 does not vary), since businesses
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
    with closed as (
      select distinct on (cl.application_id) cl.application_id, a.expert_id
      from ${closures} cl join ${assignments} a on a.application_id = cl.application_id and a.end_reason like 'closed:%'
      where a.program_id = ${programId}
      order by cl.application_id, a.ended_at desc
    ),
    scored as (
      select c.expert_id, t0.overall::float8 as t0, (t1.overall - t0.overall)::float8 as gain from closed c
      join ${diagnostics} t0 on t0.application_id = c.application_id and t0.phase = 'T0' and t0.status = 'completed'
      join ${diagnostics} t1 on t1.application_id = c.application_id and t1.phase = 'T1' and t1.status = 'completed'
    ),
    line as (select regr_intercept(gain, t0) as a, regr_slope(gain, t0) as b, avg(gain) as mean from scored),
    gains as (
      select s.expert_id, count(*)::int as pairs, avg(s.gain)::float8 as mean_gain,
        avg(s.gain - coalesce(l.a + l.b * s.t0, l.mean))::float8 as beyond
      from scored s cross join line l group by s.expert_id
    ),
    surveys as (
      select c.expert_id, count(*)::int as surveys,
        avg((os.answers->>'satisfactionExpert')::float8)::float8 as satisfaction
      from closed c join ${outcomeSurveys} os on os.application_id = c.application_id
      where os.wave = 'closure' and os.answered_at is not null group by c.expert_id
    ),
    actions as (
      select c.expert_id, count(*)::int as actions, count(*) filter (where pa.status = 'done')::int as done
      from closed c join ${planActions} pa on pa.application_id = c.application_id group by c.expert_id
    ),
    files as (select expert_id, count(*)::int as closed_files from closed group by expert_id)
    select f.expert_id, f.closed_files, g.pairs, g.mean_gain, g.beyond, s.surveys, s.satisfaction, x.actions, x.done
    from files f left join gains g using (expert_id) left join surveys s using (expert_id)
      left join actions x using (expert_id)`,
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
