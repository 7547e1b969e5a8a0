import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import {
  candidateGroups,
  type GroupKind,
  MIN_PEERS,
  type PeerGroup,
  percentileRank,
} from '../domain/benchmark.ts';
import type { QuestionnaireContent } from '../domain/questionnaire.ts';
import type { Recommendation } from '../domain/recommendations.ts';
import { weakestDimensions } from '../domain/scoring.ts';
import {
  diagnosticScoreCounts,
  diagnostics,
  type PHASES,
  questionnaires,
  recommendations,
} from './tables.ts';

export type DiagnosticRow = typeof diagnostics.$inferSelect;
export type QuestionnaireRow = typeof questionnaires.$inferSelect;

/** The latest published questionnaire of a program. */
export async function currentQuestionnaire(
  db: Executor,
  programId: string,
): Promise<QuestionnaireRow | undefined> {
  const [row] = await db
    .select()
    .from(questionnaires)
    .where(and(eq(questionnaires.programId, programId), eq(questionnaires.status, 'published')))
    .orderBy(desc(questionnaires.version))
    .limit(1);
  return row;
}

export async function findQuestionnaire(db: Executor, id: string): Promise<QuestionnaireRow | undefined> {
  const [row] = await db.select().from(questionnaires).where(eq(questionnaires.id, id));
  return row;
}

type QuestionnaireVersion = { id: string; version: number; content: QuestionnaireContent };

/** Versions already read, by id: a version's number and content never change once written. */
const versions = new Map<string, QuestionnaireVersion>();
const VERSIONS_KEPT = 64;

/**
 * A questionnaire version's number and content (about 50 KB of JSON that every diagnostic page needs),
 * read once per process: versions are immutable — a change is a new version.
 */
export async function questionnaireVersion(
  db: Executor,
  id: string,
): Promise<QuestionnaireVersion | undefined> {
  const kept = versions.get(id);
  if (kept) return kept;
  const [row] = await db
    .select({ id: questionnaires.id, version: questionnaires.version, content: questionnaires.content })
    .from(questionnaires)
    .where(eq(questionnaires.id, id));
  if (!row) return undefined;
  if (versions.size >= VERSIONS_KEPT) versions.delete(versions.keys().next().value!);
  versions.set(id, row);
  return row;
}

export async function findDiagnostic(db: Executor, id: string): Promise<DiagnosticRow | undefined> {
  const [row] = await db.select().from(diagnostics).where(eq(diagnostics.id, id));
  return row;
}

export async function diagnosticsOfApplication(
  db: Executor,
  applicationId: string,
): Promise<DiagnosticRow[]> {
  return db
    .select()
    .from(diagnostics)
    .where(eq(diagnostics.applicationId, applicationId))
    .orderBy(asc(diagnostics.phase));
}

/** The active recommendations of a program, as the domain uses them. */
export async function recommendationLibrary(db: Executor, programId: string): Promise<Recommendation[]> {
  const rows = await db
    .select()
    .from(recommendations)
    .where(and(eq(recommendations.programId, programId), eq(recommendations.active, true)));
  return rows.map((r) => ({
    id: r.key,
    dimensionId: r.dimensionId,
    minScore: r.minScore,
    maxScore: r.maxScore,
    title: { fr: r.titleFr, en: r.titleEn },
    text: { fr: r.textFr, en: r.textEn },
    costMin: r.costMin,
    costMax: r.costMax,
    effort: r.effort,
    priority: r.priority,
  }));
}

export type Benchmark = {
  group: GroupKind;
  /** Values of the group used: subsector, size band, region (those that apply). */
  peers: { naics?: string; sizeBand?: string; region?: string };
  size: number;
  percentiles: { overall: number | null; dimensions: Record<string, number | null> };
} | null;

/** How a peer group is keyed in diagnostic_score_counts: its values in a fixed order ('' for the program). */
function peerGroupKey(group: PeerGroup): string {
  return [group.naics, group.sizeBand, group.region].filter((v) => v !== undefined).join('|');
}

/** How a score is named in diagnostic_score_counts: a dimension may not take the overall score's name. */
const OVERALL_MEASURE = 'overall';
const dimensionMeasure = (id: string) => `dimension:${id}`;

/**
 * Percentile of each score among completed diagnostics of the same phase in the narrowest peer group
 * with at least MIN_PEERS others. Read from the score counts the database keeps per group (small
 * queries whatever the program's size): the sizes of the candidate groups until one is big enough, then
 * in that group, in one statement so that they agree, its size and how many scores fall below and on
 * this diagnostic's, per measure. This diagnostic is itself among the counts (it is completed): it is
 * taken out.
 */
export async function benchmarkOf(
  db: Executor,
  d: DiagnosticRow,
  dimensionIds: string[],
  withRegion = false,
): Promise<Benchmark> {
  if (d.status !== 'completed' || !d.scores) return null;
  const scores = d.scores;
  const candidates = candidateGroups({ naics: d.naics, sizeBand: d.sizeBand, region: d.region }, withRegion);
  const counts = diagnosticScoreCounts;
  const inGroup = (candidate: (typeof candidates)[number]) =>
    and(
      eq(counts.programId, d.programId),
      eq(counts.phase, d.phase),
      eq(counts.groupKind, candidate.kind),
      eq(counts.groupKey, peerGroupKey(candidate.group)),
    );
  // Narrowest first, one group at a time: each lookup is a short range of the key, where one query for
  // all of them read every group of the phase (the planner cannot use the key past the phase for an OR).
  let chosen: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    const [size] = await db
      .select({ n: sql<number>`coalesce(sum(${counts.n}), 0)::int` })
      .from(counts)
      .where(and(inGroup(candidate), eq(counts.measure, OVERALL_MEASURE)));
    if (Number(size?.n ?? 0) - 1 >= MIN_PEERS) {
      chosen = candidate;
      break;
    }
  }
  if (!chosen) return null;
  // Scores are kept to one decimal, counted in tenths: integers compare exactly.
  const own = new Map<string, number | null | undefined>([
    [OVERALL_MEASURE, scores.overall],
    ...dimensionIds.map((id) => [dimensionMeasure(id), scores.dimensions[id]] as const),
  ]);
  const tenthsOf = sql.join(
    [...own].map(([measure, score]) => sql`when ${measure} then ${Math.round((score ?? 0) * 10)}::int`),
    sql` `,
  );
  const mine = sql`(case ${counts.measure} ${tenthsOf} end)`;
  const rows = await db
    .select({
      measure: counts.measure,
      n: sql<number>`sum(${counts.n})::int`,
      below: sql<number>`coalesce(sum(${counts.n}) filter (where ${counts.scoreTenths} < ${mine}), 0)::int`,
      equal: sql<number>`coalesce(sum(${counts.n}) filter (where ${counts.scoreTenths} = ${mine}), 0)::int`,
    })
    .from(counts)
    .where(and(inGroup(chosen), inArray(counts.measure, [...own.keys()])))
    .groupBy(counts.measure);
  const total = Number(rows.find((r) => r.measure === OVERALL_MEASURE)?.n ?? 0) - 1;
  const rank = (measure: string) => {
    const row = rows.find((r) => r.measure === measure);
    // Counted only when it has that score (the counts skip a missing or null one).
    const self = typeof own.get(measure) === 'number' ? 1 : 0;
    return percentileRank(Number(row?.below ?? 0), Number(row?.equal ?? 0) - self, total);
  };
  return {
    group: chosen.kind,
    peers: chosen.group,
    size: total,
    percentiles: {
      overall: rank(OVERALL_MEASURE),
      dimensions: Object.fromEntries(dimensionIds.map((id) => [id, rank(dimensionMeasure(id))])),
    },
  };
}

/**
 * The two weakest dimensions of each business's completed entry diagnostic (T0), weakest first (ties by
 * id): what the expert assignment matches specialties against. By program (the proposal), or for given
 * applications.
 */
export async function weakestDimensionsOf(
  db: Executor,
  scope: { programId: string } | { applicationIds: string[] },
): Promise<Map<string, string[]>> {
  if ('applicationIds' in scope && scope.applicationIds.length === 0) return new Map();
  const rows = await db
    // Ranked here rather than in SQL: a sort per row in the database took 50 ms for 3,000 businesses on
    // the embedded engine, half of an assignment proposal's budget; reading the scores takes 20.
    .select({
      applicationId: diagnostics.applicationId,
      dimensions: sql<Record<string, number>>`${diagnostics.scores}->'dimensions'`,
    })
    .from(diagnostics)
    .where(
      and(
        'programId' in scope
          ? eq(diagnostics.programId, scope.programId)
          : inArray(diagnostics.applicationId, scope.applicationIds),
        eq(diagnostics.phase, 'T0'),
        eq(diagnostics.status, 'completed'),
      ),
    );
  return new Map(rows.map((r) => [r.applicationId, weakestDimensions(r.dimensions ?? {})]));
}

export type QuestionnaireVersionRow = {
  id: string;
  version: number;
  status: 'draft' | 'published';
  publishedAt: Date | null;
  createdAt: Date;
  /** Diagnostics started with this version, whatever their status. */
  diagnostics: number;
};

/**
 * Every version of a program's questionnaire, newest first, with how many diagnostics use each; the
 * content (a large document) is left out. One grouped query over the program's diagnostics.
 */
export async function questionnaireVersions(
  db: Executor,
  programId: string,
): Promise<QuestionnaireVersionRow[]> {
  const rows = await db
    .select({
      id: questionnaires.id,
      version: questionnaires.version,
      status: questionnaires.status,
      publishedAt: questionnaires.publishedAt,
      createdAt: questionnaires.createdAt,
      diagnostics: sql<number>`count(${diagnostics.id})::int`,
    })
    .from(questionnaires)
    .leftJoin(diagnostics, eq(diagnostics.questionnaireId, questionnaires.id))
    .where(eq(questionnaires.programId, programId))
    .groupBy(questionnaires.id)
    .orderBy(desc(questionnaires.version));
  // count(*) is a number on PGlite and a string on pg: cast explicitly.
  return rows.map((r) => ({ ...r, diagnostics: Number(r.diagnostics) }));
}

/** The id of the questionnaire new diagnostics of a program start with (its latest published version). */
export async function currentQuestionnaireId(db: Executor, programId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(and(eq(questionnaires.programId, programId), eq(questionnaires.status, 'published')))
    .orderBy(desc(questionnaires.version))
    .limit(1);
  return row?.id;
}

/** Which of these applications have completed the diagnostic of this phase (the reminders module). */
export async function completedPhaseAmong(
  db: Executor,
  applicationIds: readonly string[],
  phase: (typeof PHASES)[number],
): Promise<Set<string>> {
  if (applicationIds.length === 0) return new Set();
  const rows = await db
    .select({ applicationId: diagnostics.applicationId })
    .from(diagnostics)
    .where(
      and(
        inArray(diagnostics.applicationId, [...applicationIds]),
        eq(diagnostics.phase, phase),
        eq(diagnostics.status, 'completed'),
      ),
    );
  return new Set(rows.map((r) => r.applicationId));
}

/** A diagnostic's answers, status and version (its last change, as ISO text), for field mode; locks the row inside a transaction. */
export async function diagnosticState(db: Executor, id: string) {
  const [row] = await db
    .select({
      applicationId: diagnostics.applicationId,
      status: diagnostics.status,
      answers: diagnostics.answers,
      updatedAt: diagnostics.updatedAt,
    })
    .from(diagnostics)
    .where(eq(diagnostics.id, id))
    .for('update');
  return row && { ...row, version: row.updatedAt.toISOString() };
}
