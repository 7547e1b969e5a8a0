import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomFor } from '../../src/modules/demo/domain/random.ts';
import { type Benchmark, benchmarkOf, type DiagnosticRow } from '../../src/modules/diagnostic/db/queries.ts';
import { diagnostics } from '../../src/modules/diagnostic/db/tables.ts';
import { candidateGroups, MIN_PEERS, percentileRank } from '../../src/modules/diagnostic/domain/benchmark.ts';
import { DEFAULT_QUESTIONNAIRE } from '../../src/modules/diagnostic/domain/default-questionnaire.ts';
import { applications } from '../../src/modules/intake/db/tables.ts';
import { newId } from '../../src/platform/ids.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';

let h: Harness;
let programId: string;
let questionnaireId: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  const current = await h.request(`/api/v1/questionnaires/current?programId=${programId}`);
  questionnaireId = ((await current.json()) as { id: string }).id;
});
afterAll(() => h?.close());

const dimensionIds = DEFAULT_QUESTIONNAIRE.dimensions.map((d) => d.id);

/**
 * The benchmark computed the slow, obvious way, from every peer's scores: what the counts the database
 * keeps must always agree with.
 */
function expectedBenchmark(all: DiagnosticRow[], d: DiagnosticRow, withRegion: boolean): Benchmark {
  if (d.status !== 'completed' || !d.scores) return null;
  const peers = all.filter(
    (p) => p.id !== d.id && p.status === 'completed' && p.phase === d.phase && p.programId === d.programId,
  );
  const candidates = candidateGroups({ naics: d.naics, sizeBand: d.sizeBand, region: d.region }, withRegion);
  const inGroup = (group: (typeof candidates)[number]['group']) =>
    peers.filter(
      (p) =>
        (!group.naics || p.naics === group.naics) &&
        (!group.sizeBand || p.sizeBand === group.sizeBand) &&
        (!group.region || p.region === group.region),
    );
  const chosen = candidates.find((c) => inGroup(c.group).length >= MIN_PEERS);
  if (!chosen) return null;
  const group = inGroup(chosen.group);
  const tenths = (score: number | undefined) => (score === undefined ? undefined : Math.round(score * 10));
  const rank = (scoreOf: (p: DiagnosticRow) => number | undefined) => {
    const mine = tenths(scoreOf(d)) ?? 0;
    const theirs = group.map((p) => tenths(scoreOf(p))).filter((s) => s !== undefined);
    return percentileRank(
      theirs.filter((s) => s < mine).length,
      theirs.filter((s) => s === mine).length,
      group.length,
    );
  };
  return {
    group: chosen.kind,
    peers: chosen.group,
    size: group.length,
    percentiles: {
      overall: rank((p) => p.scores?.overall),
      dimensions: Object.fromEntries(dimensionIds.map((id) => [id, rank((p) => p.scores?.dimensions[id])])),
    },
  };
}

/** Random peers: a few subsectors, sizes and regions, tied scores, a dimension sometimes missing. */
async function addPeers(seed: number, count: number) {
  const random = randomFor(seed, 'peer-benchmark');
  const rows = [];
  for (let i = 0; i < count; i++) {
    const applicationId = newId();
    await h.services.database.db
      .insert(applications)
      .values({ id: applicationId, programId, status: 'accepted' });
    const completed = random.chance(0.85);
    const dimensions = Object.fromEntries(
      dimensionIds
        .filter(() => random.chance(0.95))
        .map((id) => [id, random.chance(0.5) ? random.pick([25, 50, 62.5, 75]) : random.int(0, 1000) / 10]),
    );
    const overall = random.int(0, 20) * 5 + random.pick([0, 0.1, 0.5]);
    rows.push({
      id: newId(),
      applicationId,
      programId,
      questionnaireId,
      phase: random.chance(0.8) ? ('T0' as const) : ('T1' as const),
      status: completed ? ('completed' as const) : ('in_progress' as const),
      scores: completed ? { overall, dimensions } : null,
      overall: completed ? overall : null,
      naics: random.pick(['459', '455', '444', null]),
      sizeBand: random.pick(['1-4', '1-4', '5-9', null]),
      region: random.pick(['06', '03', null]),
    });
  }
  // Several rows in one statement, and one at a time: the counts follow both.
  const half = Math.floor(rows.length / 2);
  await h.services.database.db.insert(diagnostics).values(rows.slice(0, half));
  for (const row of rows.slice(half)) await h.services.database.db.insert(diagnostics).values(row);
}

async function expectCountsToMatchEveryDiagnostic() {
  const all = await h.services.database.db
    .select()
    .from(diagnostics)
    .where(eq(diagnostics.programId, programId));
  const targets = all.filter((d) => d.status === 'completed');
  expect(targets.length).toBeGreaterThan(20);
  for (const d of targets) {
    for (const withRegion of [false, true]) {
      expect({
        id: d.id,
        withRegion,
        benchmark: await benchmarkOf(h.services.database.db, d, dimensionIds, withRegion),
      }).toEqual({
        id: d.id,
        withRegion,
        benchmark: expectedBenchmark(all, d, withRegion),
      });
    }
  }
  // The kept counts are exactly those a recount of the completed diagnostics gives (no zero rows left
  // out of step either).
  // Both drivers answer raw SQL with { rows }.
  const drift = (await h.services.database.db.execute(sql`
    with recount as (
      select d.program_id, d.phase, e.group_kind, e.group_key, e.measure, e.score_tenths, count(*)::int as n
      from diagnostics d
      cross join lateral diagnostic_score_entries(d.naics, d.size_band, d.region, d.overall, d.scores) e
      where d.status = 'completed'
      group by 1, 2, 3, 4, 5, 6
    )
    select count(*)::int as n from (
      select * from recount
      full join (select * from diagnostic_score_counts where n <> 0) kept
        using (program_id, phase, group_kind, group_key, measure, score_tenths)
      where recount.n is distinct from kept.n
    ) differences`)) as unknown as { rows: { n: number }[] };
  expect(Number(drift.rows[0]!.n)).toBe(0);
}

describe(`peer benchmark from kept score counts (${engine})`, () => {
  it('agrees with a count over every peer, for every completed diagnostic, with and without region', async () => {
    await addPeers(2027, 90);
    await expectCountsToMatchEveryDiagnostic();
  });

  it('follows completions, score changes, reopenings and deletions', async () => {
    const db = h.services.database.db;
    const rows = await db.select().from(diagnostics).where(eq(diagnostics.programId, programId));
    const completed = rows.filter((d) => d.status === 'completed');
    const inProgress = rows.filter((d) => d.status === 'in_progress');
    // A diagnostic in progress is completed; another changes score and group; one is reopened.
    await db
      .update(diagnostics)
      .set({
        status: 'completed',
        scores: { overall: 50, dimensions: { [dimensionIds[0]!]: 50 } },
        overall: 50,
        naics: '459',
        sizeBand: '1-4',
      })
      .where(eq(diagnostics.id, inProgress[0]!.id));
    await db
      .update(diagnostics)
      .set({ scores: { overall: 62.5, dimensions: {} }, overall: 62.5, naics: '455' })
      .where(eq(diagnostics.id, completed[0]!.id));
    await db.update(diagnostics).set({ status: 'in_progress' }).where(eq(diagnostics.id, completed[1]!.id));
    // Answers saved on diagnostics in progress change no count.
    await db
      .update(diagnostics)
      .set({ answers: { q: 'a' } })
      .where(eq(diagnostics.status, 'in_progress'));
    // A business erased: its application goes, its diagnostics with it (cascade).
    await db
      .delete(applications)
      .where(inArray(applications.id, [completed[2]!.applicationId, completed[3]!.applicationId]));
    await expectCountsToMatchEveryDiagnostic();
  });

  it('counts completions made at the same moment in the same group exactly once each', async () => {
    const db = h.services.database.db;
    await addPeers(7, 12);
    const open = await db
      .select({ id: diagnostics.id })
      .from(diagnostics)
      .where(eq(diagnostics.status, 'in_progress'));
    expect(open.length).toBeGreaterThan(1);
    // Each in its own transaction, all at once (on PostgreSQL, on separate connections).
    await Promise.all(
      open.map(({ id }) =>
        db.transaction((tx) =>
          tx
            .update(diagnostics)
            .set({
              status: 'completed',
              scores: { overall: 40, dimensions: { [dimensionIds[0]!]: 40 } },
              overall: 40,
              naics: '459',
              sizeBand: '1-4',
              region: '06',
            })
            .where(eq(diagnostics.id, id)),
        ),
      ),
    );
    await expectCountsToMatchEveryDiagnostic();
  });
});
