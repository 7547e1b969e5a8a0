import { and, asc, eq, gt, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { actionPlans, closures, coachingSessions, outcomeSurveys } from '../../coaching/db/tables.ts';
import { diagnostics } from '../../diagnostic/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { hasActiveConsent } from '../../intake/index.ts';
import { registryProfileOf } from '../../registry/index.ts';
import type { ResearchSource, SurveyAnswers } from '../domain/research-variables.ts';

type Scores = { overall: number; dimensions: Record<string, number> };
type Dated<T> = { at: string | null } & T;

/**
 * One batch of the businesses an extract may hold, in id order after `after`: submitted applications
 * of the program whose research consent is active now, with what the extract's variables read. No
 * direct identifier is selected. Read in batches, each its own short query, so an extract of any
 * size neither holds the database (PGlite stalls every other query during a long one) nor the memory.
 * `withRegistry`: also what the current registry extract says of the business (decision 44), read
 * through its NEQ, which is not selected.
 */
export async function researchSourceBatch(
  db: Executor,
  programId: string,
  after: string | null,
  limit: number,
  withRegistry = false,
) {
  // The batch's businesses first, then what each has: so the joins look up a few thousand rows by
  // key instead of reading whole tables for every batch.
  const batch = db
    .select({
      id: applications.id,
      region: applications.region,
      naics: applications.naics,
      employees: applications.employees,
      revenueBand: applications.annualRevenueBand,
      submittedAt: applications.submittedAt,
      status: applications.status,
      partnerId: applications.partnerOrganizationId,
      neq: applications.neq,
    })
    .from(applications)
    .where(
      and(
        eq(applications.programId, programId),
        ne(applications.status, 'draft'),
        hasActiveConsent('research'),
        after ? gt(applications.id, after) : undefined,
      ),
    )
    .orderBy(asc(applications.id))
    .limit(limit)
    .as('batch');
  // One value per business, each looked up by key in its own subquery: a join here let the planner
  // read whole tables (every diagnostic) for each batch. The batch's id is named in full: inside a
  // subquery a bare "id" would be the inner table's.
  const batchId = sql`${sql.identifier('batch')}.${sql.identifier('id')}`;
  const of = <T>(table: SQL, where: SQL, value: SQL) =>
    sql<T | null>`(select ${value} from ${table} where ${where} and application_id = ${batchId} limit 1)`;
  const diagnostic = (phase: 'T0' | 'T1') =>
    of<Dated<{ scores: Scores | null }>>(
      sql`${diagnostics}`,
      sql`phase = ${phase} and status = 'completed'`,
      sql`json_build_object('at', completed_at, 'scores', scores)`,
    );
  const survey = (wave: 'closure' | 'six_months') =>
    of<SurveyAnswers>(sql`${outcomeSurveys}`, sql`wave = ${wave} and answered_at is not null`, sql`answers`);
  const held = (what: SQL) =>
    sql<number>`(select ${what} from ${coachingSessions} where ${coachingSessions.applicationId} = ${batchId} and ${coachingSessions.status} = 'held')`;
  // Not in a transaction: on the server a transaction's queries go through the driver's promise API,
  // whose rows outlive the young generation, by a reference in the driver or V8 not found (decision 49).
  return db
    .select({
      applicationId: batch.id,
      region: batch.region,
      naics: batch.naics,
      employees: batch.employees,
      revenueBand: batch.revenueBand,
      submittedAt: batch.submittedAt,
      status: batch.status,
      partnerId: batch.partnerId,
      t0: diagnostic('T0'),
      t1: diagnostic('T1'),
      sessionsHeld: held(sql`count(*)::int`),
      minutesHeld: held(sql`coalesce(sum(${coachingSessions.minutesLogged}), 0)::int`),
      planApprovedAt: of<string>(sql`${actionPlans}`, sql`status = 'approved'`, sql`approved_at`),
      closure: of<Dated<{ outcome: string }>>(
        sql`${closures}`,
        sql`true`,
        sql`json_build_object('at', closed_at, 'outcome', outcome)`,
      ),
      closureAnswers: survey('closure'),
      laterAnswers: survey('six_months'),
      registry: withRegistry ? registryProfileOf(sql`${batch.neq}`) : sql<null>`null`,
    })
    .from(batch)
    .orderBy(asc(batch.id));
}

/** A row of `researchSourceBatch`, as the database driver gives it. */
export type SourceRow = Awaited<ReturnType<typeof researchSourceBatch>>[number];

const date = (value: string | Date | null | undefined) => (value ? new Date(value) : null);
const scored = (d: Dated<{ scores: Scores | null }> | null) =>
  d?.scores ? { completedAt: date(d.at), overall: d.scores.overall, dimensions: d.scores.dimensions } : null;

/**
 * A batch's rows as what the extract's variables read, each made only when reached: it is garbage by
 * the next row, where a whole batch made at once would live through several young-generation
 * collections and be moved to the old generation, which grows until a full collection.
 */
export function* researchSources(rows: readonly SourceRow[]): Generator<ResearchSource, void, undefined> {
  for (const r of rows)
    yield {
      applicationId: r.applicationId,
      region: r.region,
      naics: r.naics,
      employees: r.employees,
      revenueBand: r.revenueBand,
      submittedAt: r.submittedAt,
      status: r.status,
      referredByPartner: r.partnerId !== null,
      diagnostics: { T0: scored(r.t0), T1: scored(r.t1) },
      sessionsHeld: Number(r.sessionsHeld),
      minutesHeld: Number(r.minutesHeld),
      planApprovedAt: date(r.planApprovedAt),
      closureOutcome: r.closure?.outcome ?? null,
      closedAt: date(r.closure?.at),
      surveys: { closure: r.closureAnswers ?? null, six_months: r.laterAnswers ?? null },
      registry: r.registry ?? null,
    };
}
