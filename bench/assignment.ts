/**
 * Expert-assignment proposal benchmark (issue 5, DESIGN §5), end to end: `proposeAssignments` as the
 * API calls it — reading the accepted businesses without an expert, their weakest dimensions, previous
 * experts and the experts' loads, solving, and putting the reasons in words:
 *   (a) 3,000 accepted retailers with entry diagnostics × 12 experts, on the embedded engine (< 100 ms);
 *   (b) 300,000 × 1,200 experts on PostgreSQL (< 10 s);
 * and confirming (hardening issue): (c) the 3,000 proposed pairs confirmed at once through
 * `confirmAssignments` on the embedded engine (< 3 s), alone and while a probe reads the experts list
 * (`listExperts`, as the assignment page does) every 20 ms to measure how long a page waits meanwhile.
 * The solver alone is measured by bench/solver.ts. Data is inserted in bulk (bench/scale/fill.ts).
 *
 *   node --experimental-strip-types --no-warnings=ExperimentalWarning bench/assignment.ts [--skip-postgres]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { currentQuestionnaire } from '../src/modules/diagnostic/db/queries.ts';
import { SPECIALTY_IDS } from '../src/modules/experts/domain/specialties.ts';
import { confirmAssignments } from '../src/modules/experts/use-cases/confirm-assignments.ts';
import { listExperts } from '../src/modules/experts/use-cases/list-experts.ts';
import { proposeAssignments } from '../src/modules/experts/use-cases/propose-assignments.ts';
import { listPrograms } from '../src/modules/programs/index.ts';
import type { Executor } from '../src/platform/db/client.ts';
import {
  type Engine,
  freshDatabase,
  ms,
  openServices,
  ROOT,
  type Stats,
  stats,
  table,
} from './scale/environment.ts';
import { fillApplicants, fillApplications, fillDiagnostics } from './scale/fill.ts';

const { values: args } = parseArgs({ options: { 'skip-postgres': { type: 'boolean', default: false } } });
const RUNS = 7;
type Row = { what: string; engine: Engine; stats: Stats; assigned: number; targetMs: number };
const rows: Row[] = [];

/**
 * `count` experts (accounts and profiles) with capacity 250: each serves three regions, French (one in
 * five also English) and two specialties, spread so that every region and specialty is covered.
 */
async function fillExperts(db: Executor, programId: string, count: number) {
  const specialties = `(array[${SPECIALTY_IDS.map((s) => `'${s}'`).join(', ')}])`;
  const region = (shift: number) => `lpad((1 + (i * 3 + ${shift}) % 17)::text, 2, '0')`;
  await db.execute(
    sql.raw(`
    with made as (
      insert into users (id, email, name, role, locale, created_at, updated_at)
      select gen_random_uuid(), 'expert' || i || '@bench.virage.test', 'Expert ' || i, 'expert', 'fr', now(), now()
      from generate_series(1, ${count}) as i
      returning id, (regexp_match(email, '[0-9]+'))[1]::int as i
    )
    insert into experts (id, program_id, user_id, regions, languages, specialties, capacity, status, created_at, updated_at)
    select gen_random_uuid(), '${programId}', made.id,
      jsonb_build_array(${region(0)}, ${region(1)}, ${region(2)}),
      case when i % 5 = 0 then '["fr","en"]'::jsonb else '["fr"]'::jsonb end,
      jsonb_build_array(${specialties}[1 + i % ${SPECIALTY_IDS.length}], ${specialties}[1 + (i + 3) % ${SPECIALTY_IDS.length}]),
      250, 'active', now(), now()
    from made
  `),
  );
  await db.execute(sql.raw('analyze experts'));
}

async function proposal(engine: Engine, retailers: number, experts: number, targetMs: number) {
  const database = await freshDatabase(engine);
  try {
    const { services, system } = await openServices(database);
    try {
      const programId = (await listPrograms(system))[0]!.id;
      const db = services.database.db;
      const filling = performance.now();
      await fillApplications(db, programId, retailers, 'accepted');
      await fillDiagnostics(db, programId, (await currentQuestionnaire(db, programId))!.id);
      await fillExperts(db, programId, experts);
      process.stdout.write(
        `${engine}: ${retailers.toLocaleString('en-CA')} accepted retailers, ${experts} experts ` +
          `(${((performance.now() - filling) / 1000).toFixed(0)} s to fill)\n`,
      );
      const times: number[] = [];
      let assigned = 0;
      await proposeAssignments(system, { programId }); // warm-up: caches, query plans
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        const result = await proposeAssignments(system, { programId });
        times.push(performance.now() - start);
        assigned = result.assignments.length;
      }
      const s = stats(times);
      process.stdout.write(`  proposal: p50 ${ms(s.p50)} ms, max ${ms(s.max)} ms, ${assigned} pairs\n`);
      rows.push({
        what: `proposal, ${retailers.toLocaleString('en-CA')} retailers × ${experts.toLocaleString('en-CA')} experts`,
        engine,
        stats: s,
        assigned,
        targetMs,
      });
    } finally {
      await services.close();
    }
  } finally {
    await database.drop();
  }
}

type Confirmed = {
  pairs: number;
  totalMs: number;
  cpuMs: number;
  reads: { busy: Stats; idle: Stats } | null;
  targetMs: number;
};
const confirmations: Confirmed[] = [];

/** Probes a page's read every 20 ms until `done`, and returns each read's time. */
async function probe(system: Parameters<typeof listExperts>[0], done: () => boolean) {
  const times: number[] = [];
  while (!done()) {
    const start = performance.now();
    await listExperts(system);
    times.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return times;
}

/**
 * Confirms every proposed pair at once. The time is the wall clock; the CPU time is this process's
 * (the embedded engine runs in it), which a loaded machine inflates less. With `probing`, a page read
 * every 20 ms meanwhile, compared with the same reads just before.
 */
async function confirmation(retailers: number, experts: number, targetMs: number, probing: boolean) {
  const database = await freshDatabase('embedded');
  try {
    const { services, system } = await openServices(database);
    try {
      const programId = (await listPrograms(system))[0]!.id;
      const db = services.database.db;
      await fillApplications(db, programId, retailers, 'accepted');
      await fillApplicants(db, programId);
      await fillDiagnostics(db, programId, (await currentQuestionnaire(db, programId))!.id);
      await fillExperts(db, programId, experts);
      const { assignments } = await proposeAssignments(system, { programId });
      const pairs = assignments.map((a) => ({ applicationId: a.applicationId, expertId: a.expertId }));
      let idleDone = false;
      const idleProbe = probing ? probe(system, () => idleDone) : Promise.resolve([]);
      if (probing) await new Promise((resolve) => setTimeout(resolve, 1000));
      idleDone = true;
      const idle = await idleProbe;
      let done = false;
      const busy = probing ? probe(system, () => done) : Promise.resolve([]);
      const cpu = process.cpuUsage();
      const start = performance.now();
      const { confirmed } = await confirmAssignments(system, { assignments: pairs });
      const totalMs = performance.now() - start;
      const used = process.cpuUsage(cpu);
      done = true;
      const reads = probing ? { busy: stats(await busy), idle: stats(idle) } : null;
      const cpuMs = (used.user + used.system) / 1000;
      process.stdout.write(
        `embedded: confirmed ${confirmed.length} pairs in ${ms(totalMs)} ms (CPU ${ms(cpuMs)} ms)` +
          (reads
            ? `; page read meanwhile p50 ${ms(reads.busy.p50)} ms, p95 ${ms(reads.busy.p95)} ms, ` +
              `max ${ms(reads.busy.max)} ms (just before: p50 ${ms(reads.idle.p50)} ms)`
            : '') +
          '\n',
      );
      confirmations.push({ pairs: confirmed.length, totalMs, cpuMs, reads, targetMs });
    } finally {
      await services.close();
    }
  } finally {
    await database.drop();
  }
}

await proposal('embedded', 3_000, 12, 100);
if (!args['skip-postgres']) await proposal('postgres', 300_000, 1_200, 10_000);
await confirmation(3_000, 12, 3_000, false);
await confirmation(3_000, 12, 3_000, true);

const report = [
  '# Assignment proposal benchmark',
  '',
  `Written by \`bench/assignment.ts\` on ${new Date().toISOString()} (Node ${process.version}). ` +
    `\`proposeAssignments\` in process, ${RUNS} runs after a warm-up, in ms; the target applies to the median.`,
  '',
  table(
    ['Measure', 'Engine', 'pairs', 'p50', 'max', 'target', 'result'],
    rows.map((r) => [
      r.what,
      r.engine,
      r.assigned.toLocaleString('en-CA'),
      ms(r.stats.p50),
      ms(r.stats.max),
      `< ${r.targetMs.toLocaleString('en-CA')}`,
      r.stats.p50 < r.targetMs ? 'PASS' : 'FAIL',
    ]),
  ),
  '',
  '## Confirming at once',
  '',
  '`confirmAssignments` with every proposed pair, once per fresh database (it writes): alone, then with a ' +
    'page read (`listExperts`) every 20 ms meanwhile, in ms, against the same read just before. The ' +
    'target applies to the time; CPU is the process’s (engine included) during the confirmation.',
  '',
  table(
    [
      'Measure',
      'pairs',
      'time',
      'CPU',
      'target',
      'result',
      'read p50',
      'read p95',
      'read max',
      'read before',
    ],
    confirmations.map((c) => [
      c.reads ? 'confirm, pages read meanwhile' : 'confirm',
      c.pairs.toLocaleString('en-CA'),
      ms(c.totalMs),
      ms(c.cpuMs),
      `< ${c.targetMs.toLocaleString('en-CA')}`,
      c.totalMs < c.targetMs ? 'PASS' : 'FAIL',
      c.reads ? ms(c.reads.busy.p50) : '—',
      c.reads ? ms(c.reads.busy.p95) : '—',
      c.reads ? ms(c.reads.busy.max) : '—',
      c.reads ? ms(c.reads.idle.p50) : '—',
    ]),
  ),
  '',
].join('\n');
process.stdout.write(`\n${report}`);
writeFileSync(path.join(ROOT, 'bench/RESULTS-assignment.md'), report);
process.exit(0);
