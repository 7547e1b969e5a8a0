import { and, asc, eq, gt, isNotNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../platform/db/client.ts';
import { actionPlans, closures, coachingSessions, outcomeSurveys } from '../../coaching/db/tables.ts';
import { diagnostics } from '../../diagnostic/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { hasActiveConsent } from '../../intake/index.ts';
import type { ResearchSource } from '../domain/research-variables.ts';

const t0 = alias(diagnostics, 't0');
const t1 = alias(diagnostics, 't1');
const closureSurvey = alias(outcomeSurveys, 'closure_survey');
const laterSurvey = alias(outcomeSurveys, 'later_survey');

const completed = (d: typeof t0 | typeof t1, phase: 'T0' | 'T1') =>
  and(eq(d.applicationId, applications.id), eq(d.phase, phase), eq(d.status, 'completed'));
const answered = (s: typeof closureSurvey | typeof laterSurvey, wave: 'closure' | 'six_months') =>
  and(eq(s.applicationId, applications.id), eq(s.wave, wave), isNotNull(s.answeredAt));

/**
 * One batch of the businesses an extract may hold, in id order after `after`: submitted applications
 * of the program whose research consent is active now, with what the extract's variables read. No
 * direct identifier is selected. Read in batches, each its own short query, so an extract of any
 * size neither holds the database (PGlite stalls every other query during a long one) nor the memory.
 */
export async function researchSourceBatch(
  db: Executor,
  programId: string,
  after: string | null,
  limit: number,
): Promise<ResearchSource[]> {
  const rows = await db
    .select({
      applicationId: applications.id,
      region: applications.region,
      naics: applications.naics,
      employees: applications.employees,
      revenueBand: applications.annualRevenueBand,
      submittedAt: applications.submittedAt,
      status: applications.status,
      partnerId: applications.partnerOrganizationId,
      t0At: t0.completedAt,
      t0Scores: t0.scores,
      t1At: t1.completedAt,
      t1Scores: t1.scores,
      sessionsHeld: sql<number>`(select count(*)::int from ${coachingSessions} where ${coachingSessions.applicationId} = ${applications.id} and ${coachingSessions.status} = 'held')`,
      minutesHeld: sql<number>`(select coalesce(sum(${coachingSessions.minutesLogged}), 0)::int from ${coachingSessions} where ${coachingSessions.applicationId} = ${applications.id} and ${coachingSessions.status} = 'held')`,
      planApprovedAt: actionPlans.approvedAt,
      closureOutcome: closures.outcome,
      closedAt: closures.closedAt,
      closureAnswers: closureSurvey.answers,
      laterAnswers: laterSurvey.answers,
    })
    .from(applications)
    .leftJoin(t0, completed(t0, 'T0'))
    .leftJoin(t1, completed(t1, 'T1'))
    .leftJoin(
      actionPlans,
      and(eq(actionPlans.applicationId, applications.id), eq(actionPlans.status, 'approved')),
    )
    .leftJoin(closures, eq(closures.applicationId, applications.id))
    .leftJoin(closureSurvey, answered(closureSurvey, 'closure'))
    .leftJoin(laterSurvey, answered(laterSurvey, 'six_months'))
    .where(
      and(
        eq(applications.programId, programId),
        ne(applications.status, 'draft'),
        hasActiveConsent('research'),
        after ? gt(applications.id, after) : undefined,
      ),
    )
    .orderBy(asc(applications.id))
    .limit(limit);
  const diagnostic = (at: Date | null, scores: (typeof rows)[number]['t0Scores']) =>
    scores ? { completedAt: at, overall: scores.overall, dimensions: scores.dimensions } : null;
  return rows.map((r) => ({
    applicationId: r.applicationId,
    region: r.region,
    naics: r.naics,
    employees: r.employees,
    revenueBand: r.revenueBand,
    submittedAt: r.submittedAt,
    status: r.status,
    referredByPartner: r.partnerId !== null,
    diagnostics: { T0: diagnostic(r.t0At, r.t0Scores), T1: diagnostic(r.t1At, r.t1Scores) },
    sessionsHeld: Number(r.sessionsHeld),
    minutesHeld: Number(r.minutesHeld),
    planApprovedAt: r.planApprovedAt,
    closureOutcome: r.closureOutcome,
    closedAt: r.closedAt,
    surveys: { closure: r.closureAnswers ?? null, six_months: r.laterAnswers ?? null },
  }));
}
