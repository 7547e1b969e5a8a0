/**
 * Read models for the program's reports: coaching milestones and measures as subqueries of
 * `(application_id, value)` (intake's `Milestone`, counted or summed over a cohort there), and the
 * alerts of the program's dashboard, found and counted in the database.
 */
import { type SQL, sql } from 'drizzle-orm';
import { formatDate, TIME_ZONE } from '../../../kernel/format.ts';
import { type Executor, selectRows } from '../../../platform/db/client.ts';
import { instantParam } from '../../../platform/db/columns.ts';
import { assignments } from '../../experts/db/tables.ts';
import { NO_CONTACT_DAYS } from '../domain/plan.ts';
import { actionPlans, closures, coachingSessions, outcomeSurveys, planActions } from './tables.ts';

/** Businesses whose action plan was approved before `asOf`. */
export function approvedPlans(asOf: Date): SQL {
  return sql`select ${actionPlans.applicationId} as application_id, 1 as value from ${actionPlans}
    where ${actionPlans.status} = 'approved' and ${actionPlans.approvedAt} < ${instantParam(asOf)}`;
}

/** Hours of coaching held per business (minutes logged, in hours). */
export function hoursHeld(): SQL {
  return sql`select ${coachingSessions.applicationId} as application_id,
      sum(${coachingSessions.minutesLogged}) / 60.0 as value
    from ${coachingSessions} where ${coachingSessions.status} = 'held' and ${coachingSessions.minutesLogged} > 0
    group by ${coachingSessions.applicationId}`;
}

/** The closure survey's numeric answers a report may add up or average. */
export const SURVEY_MEASURES = ['jobsCreated', 'onlineSalesShare', 'satisfactionProgram'] as const;
export type SurveyMeasure = (typeof SURVEY_MEASURES)[number];

/** One answer of the closure survey, per business that answered it. */
export function closureAnswer(measure: SurveyMeasure): SQL {
  return sql`select ${outcomeSurveys.applicationId} as application_id,
      (${outcomeSurveys.answers}->>${measure})::float8 as value
    from ${outcomeSurveys}
    where ${outcomeSurveys.wave} = 'closure' and ${outcomeSurveys.answeredAt} is not null`;
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
