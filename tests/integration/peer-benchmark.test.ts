import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomFor } from '../../src/modules/demo/generators/random.ts';
import { type Benchmark, benchmarkOf, type DiagnosticRow } from '../../src/modules/diagnostic/db/queries.ts';
import { diagnosticScoreCounts, diagnostics } from '../../src/modules/diagnostic/db/tables.ts';
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

// With a dimension an administrator named 'overall', like the overall score.
const dimensionIds = [...DEFAULT_QUESTIONNAIRE.dimensions.map((d) => d.id), 'overall'];

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
      // A third of them alike down to the region, so that the narrowest group is reached too.
      ...(random.chance(0.35)
        ? { naics: '459', sizeBand: '1-4', region: '06' }
        : {
            naics: random.pick(['459', '455', '444', null]),
            sizeBand: random.pick(['1-4', '1-4', '5-9', null]),
            region: random.pick(['06', '03', null]),
          }),
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
  const groupsUsed = new Set<string>();
  for (const d of targets) {
    for (const withRegion of [false, true]) {
      const benchmark = await benchmarkOf(h.services.database.db, d, dimensionIds, withRegion);
      expect({ id: d.id, withRegion, benchmark }).toEqual({
        id: d.id,
        withRegion,
        benchmark: expectedBenchmark(all, d, withRegion),
      });
      groupsUsed.add(benchmark?.group ?? 'none');
    }
  }
  expect(await keptCounts()).toEqual(recount(all));
  return groupsUsed;
}

/** The counts the database keeps, as `phase kind key measure tenths → n` lines (zero counts left out). */
async function keptCounts(): Promise<string[]> {
  const rows = await h.services.database.db.select().from(diagnosticScoreCounts);
  return rows
    .filter((r) => r.n !== 0)
    .map(
      (r) => `${r.programId} ${r.phase} ${r.groupKind} ${r.groupKey} ${r.measure} ${r.scoreTenths} → ${r.n}`,
    )
    .sort();
}

/** The same counts, recounted here from the diagnostics themselves. */
function recount(all: DiagnosticRow[]): string[] {
  const counted = new Map<string, number>();
  for (const d of all.filter((x) => x.status === 'completed')) {
    const groups = [
      [
        'naics_size_region',
        d.naics && d.sizeBand && d.region ? `${d.naics}|${d.sizeBand}|${d.region}` : null,
      ],
      ['naics_size', d.naics && d.sizeBand ? `${d.naics}|${d.sizeBand}` : null],
      ['naics', d.naics],
      ['size', d.sizeBand],
      ['program', ''],
    ] as const;
    const measures: [string, number][] = [
      ...(d.overall === null ? [] : [['overall', d.overall] as [string, number]]),
      ...Object.entries(d.scores?.dimensions ?? {})
        .filter(([, score]) => typeof score === 'number')
        .map(([id, score]) => [`dimension:${id}`, score] as [string, number]),
    ];
    for (const [kind, key] of groups) {
      if (key === null) continue;
      for (const [measure, score] of measures) {
        const line = `${d.programId} ${d.phase} ${kind} ${key} ${measure} ${Math.round(score * 10)}`;
        counted.set(line, (counted.get(line) ?? 0) + 1);
      }
    }
  }
  return [...counted].map(([line, n]) => `${line} → ${n}`).sort();
}

describe(`peer benchmark from kept score counts (${engine})`, () => {
  it('agrees with a count over every peer, for every completed diagnostic, with and without region', async () => {
    await addPeers(2027, 90);
    // The narrowest group, the usual one and wider ones are all reached.
    expect([...(await expectCountsToMatchEveryDiagnostic())]).toEqual(
      expect.arrayContaining(['naics_size_region', 'naics_size', 'naics', 'program']),
    );
  });

  it('follows completions, score and phase changes, reopenings and deletions', async () => {
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
    await db.update(diagnostics).set({ phase: 'T1' }).where(eq(diagnostics.id, completed[4]!.id));
    // Answers saved on diagnostics in progress change no count.
    await db
      .update(diagnostics)
      .set({ answers: { q: 'a' } })
      .where(eq(diagnostics.status, 'in_progress'));
    // A business erased: its application goes, its diagnostics with it (cascade); and one deleted alone.
    await db
      .delete(applications)
      .where(inArray(applications.id, [completed[2]!.applicationId, completed[3]!.applicationId]));
    await db.delete(diagnostics).where(eq(diagnostics.id, completed[5]!.id));
    await expectCountsToMatchEveryDiagnostic();
  });

  it('counts completions made at the same moment exactly once each', async () => {
    const db = h.services.database.db;
    await addPeers(7, 16);
    const open = await db
      .select({ id: diagnostics.id })
      .from(diagnostics)
      .where(eq(diagnostics.status, 'in_progress'));
    expect(open.length).toBeGreaterThan(3);
    // Each in its own transaction, all at once (on PostgreSQL, on separate connections), in groups and
    // scores that overlap without being the same: each takes locks on rows some others take too.
    await Promise.all(
      open.map(({ id }, i) =>
        db.transaction((tx) =>
          tx
            .update(diagnostics)
            .set({
              status: 'completed',
              scores: {
                overall: 40 + (i % 3) * 10,
                dimensions: { [dimensionIds[i % 2]!]: 30 + (i % 4) * 10 },
              },
              overall: 40 + (i % 3) * 10,
              naics: i % 2 === 0 ? '459' : '455',
              sizeBand: '1-4',
              region: i % 3 === 0 ? '06' : '03',
            })
            .where(eq(diagnostics.id, id)),
        ),
      ),
    );
    await expectCountsToMatchEveryDiagnostic();
  });

  it('the migration counts the diagnostics completed before it', async () => {
    const db = h.services.database.db;
    const migration = readFileSync(
      path.resolve(import.meta.dirname, '../../drizzle/0008_diagnostic_score_counts.sql'),
      'utf8',
    );
    const backfill = migration.split('--> statement-breakpoint').at(-1)!;
    expect(backfill).toContain('INSERT INTO diagnostic_score_counts');
    await db.delete(diagnosticScoreCounts);
    await db.execute(sql.raw(backfill));
    await expectCountsToMatchEveryDiagnostic();
  });

  it('empties the counts when the diagnostics are truncated', async () => {
    const db = h.services.database.db;
    expect((await keptCounts()).length).toBeGreaterThan(0);
    await db.execute(sql`truncate diagnostics cascade`);
    expect(await keptCounts()).toEqual([]);
  });
});
