/**
 * Diagnostic benchmarks (issue 4, DESIGN §5):
 *   A. scoring 100,000 diagnostics (the pure scoring of the default questionnaire, varied answers);
 *   B. the PDF report of a completed diagnostic (embedded engine, in process);
 *   C. the peer benchmark with 300,000 completed diagnostics on PostgreSQL: the benchmark query alone
 *      (in process), and `GET /api/v1/diagnostics/{id}` (scores, level, benchmark, recommendations)
 *      over HTTP to a Virage server, one at a time and at a sustained 100 requests/s.
 *
 *   node --experimental-strip-types --no-warnings=ExperimentalWarning bench/diagnostic.ts [--diagnostics N] [--skip-postgres]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchmarkOf, currentQuestionnaire, findDiagnostic } from '../src/modules/diagnostic/db/queries.ts';
import { DEFAULT_QUESTIONNAIRE } from '../src/modules/diagnostic/domain/default-questionnaire.ts';
import { type Answers, allQuestions } from '../src/modules/diagnostic/domain/questionnaire.ts';
import { score } from '../src/modules/diagnostic/domain/scoring.ts';
import { completeDiagnostic } from '../src/modules/diagnostic/use-cases/complete-diagnostic.ts';
import { getDiagnosticReport } from '../src/modules/diagnostic/use-cases/get-diagnostic-report.ts';
import { saveDiagnosticAnswers } from '../src/modules/diagnostic/use-cases/save-diagnostic-answers.ts';
import { startDiagnostic } from '../src/modules/diagnostic/use-cases/start-diagnostic.ts';
import { createUser } from '../src/modules/identity/index.ts';
import { issueApiToken } from '../src/modules/identity/use-cases/issue-api-token.ts';
import { resolveActor } from '../src/modules/identity/use-cases/resolve-actor.ts';
import { createApplication } from '../src/modules/intake/use-cases/create-application.ts';
import { decideApplication } from '../src/modules/intake/use-cases/decide-application.ts';
import { submitApplication } from '../src/modules/intake/use-cases/submit-application.ts';
import { listPrograms } from '../src/modules/programs/index.ts';
import type { Ctx } from '../src/platform/context.ts';
import type { RunningServices } from '../src/wiring/services.ts';
import {
  atRate,
  freshDatabase,
  ms,
  openServices,
  ROOT,
  type Stats,
  startServer,
  stats,
  table,
  timed,
} from './scale/environment.ts';
import { fillApplications, fillDiagnostics } from './scale/fill.ts';

const { values: args } = parseArgs({
  options: {
    diagnostics: { type: 'string', default: '300000' },
    'skip-postgres': { type: 'boolean', default: false },
  },
});
const DIAGNOSTICS = Number(args.diagnostics);
const PASSWORD = 'bench password long enough 2027';
type Row = { what: string; stats: Stats; target: string; pass: boolean };
const rows: Row[] = [];
const notes: string[] = [];

/** Deterministic PRNG (mulberry32): the same answers on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function randomAnswers(random: () => number): Answers {
  return Object.fromEntries(
    allQuestions(DEFAULT_QUESTIONNAIRE).map((q) => [
      q.id,
      q.type === 'multiple'
        ? q.choices.filter(() => random() < 0.4).map((c) => c.id)
        : q.choices[Math.floor(random() * q.choices.length)]!.id,
    ]),
  );
}

function scoring() {
  const random = prng(4);
  const sets = Array.from({ length: 1000 }, () => randomAnswers(random));
  for (let i = 0; i < 2000; i++) score(DEFAULT_QUESTIONNAIRE, sets[i % sets.length]!); // warm-up
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    for (let i = 0; i < 100_000; i++) score(DEFAULT_QUESTIONNAIRE, sets[i % sets.length]!);
    runs.push(performance.now() - start);
  }
  const s = stats(runs);
  rows.push({ what: 'scoring 100,000 diagnostics (3 runs, total time)', stats: s, target: '—', pass: true });
  notes.push(`Scoring: ${((s.p50 / 100_000) * 1000).toFixed(1)} µs per diagnostic (median run).`);
}

/** A context acting as the holder of this token (what the API does for each request). */
async function actingAs(services: RunningServices, system: Ctx, token: string): Promise<Ctx> {
  return { ...system, actor: await resolveActor(services, { bearerToken: token }) };
}

async function pdf() {
  const database = await freshDatabase('embedded');
  try {
    const { services, system } = await openServices(database);
    const programId = (await listPrograms(system))[0]!.id;
    await createUser(system, {
      email: 'zoe@bench.virage.test',
      role: 'retailer',
      name: 'Zoé Tremblay',
      password: PASSWORD,
      locale: 'fr',
    });
    const retailer = await actingAs(
      services,
      system,
      (await issueApiToken(system, { email: 'zoe@bench.virage.test', name: 'bench' })).token,
    );
    const { id: applicationId } = await createApplication(retailer, {
      programId,
      business: {
        legalName: 'Boutique Zoé inc.',
        tradeName: 'Chez Zoé',
        neq: '1143920115',
        street: '123, rue Saint-Denis',
        municipality: 'Montréal',
        postalCode: 'H2X 1Y4',
        phone: '514-555-0123',
        email: 'zoe@chezzoe.ca',
        naics: '458',
        employees: 12,
        foundedYear: 2015,
        contactName: 'Zoé Tremblay',
      },
      consents: { participation: true, research: false, surveys: true, publication: false },
      attestation: true,
    });
    await submitApplication(retailer, applicationId);
    await decideApplication(system, applicationId, { decision: 'accepted' });
    const { id } = await startDiagnostic(retailer, { applicationId, phase: 'T0' });
    await saveDiagnosticAnswers(retailer, id, { answers: randomAnswers(prng(9)) });
    await completeDiagnostic(retailer, id);
    let size = 0;
    for (let i = 0; i < 3; i++) await getDiagnosticReport(retailer, id); // warm-up (fonts, layout code)
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      samples.push(
        await timed(async () => {
          size = (await getDiagnosticReport(retailer, id)).pdf.length;
        }),
      );
    }
    const s = stats(samples);
    rows.push({
      what: 'PDF report of a completed diagnostic (embedded, in process, 20 runs)',
      stats: s,
      target: 'p95 < 1000',
      pass: s.p95 < 1000,
    });
    notes.push(`The PDF weighs ${(size / 1024).toFixed(0)} KiB (fonts embedded).`);
    await services.close();
  } finally {
    await database.drop();
  }
}

async function peerBenchmark() {
  const database = await freshDatabase('postgres');
  try {
    const { services, system } = await openServices(database);
    const programId = (await listPrograms(system))[0]!.id;
    const questionnaire = (await currentQuestionnaire(services.database.db, programId))!;
    const filled = await timed(async () => {
      await fillApplications(services.database.db, programId, DIAGNOSTICS, 'accepted');
      await fillDiagnostics(services.database.db, programId, questionnaire.id);
    });
    notes.push(
      `${DIAGNOSTICS.toLocaleString('en-CA')} accepted applications with a completed T0 written in ${(filled / 1000).toFixed(1)} s (set-based SQL, bench/scale/fill.ts).`,
    );
    const { rows: picked } = (await services.database.db.execute(
      `select id from diagnostics order by hashtext(id::text) limit 200` as never,
    )) as unknown as { rows: { id: string }[] };
    const ids = picked.map((r) => r.id);
    const dimensionIds = DEFAULT_QUESTIONNAIRE.dimensions.map((d) => d.id);
    for (const id of ids.slice(0, 10))
      await benchmarkOf(
        services.database.db,
        (await findDiagnostic(services.database.db, id))!,
        dimensionIds,
      );
    const query: number[] = [];
    for (const id of ids.slice(0, 100)) {
      const diagnostic = (await findDiagnostic(services.database.db, id))!;
      query.push(await timed(() => benchmarkOf(services.database.db, diagnostic, dimensionIds)));
    }
    const q = stats(query);
    rows.push({
      what: `postgres ${DIAGNOSTICS.toLocaleString('en-CA')}: benchmark query alone (in process)`,
      stats: q,
      target: 'p95 < 100',
      pass: q.p95 < 100,
    });
    await createUser(system, {
      email: 'coordination@bench.virage.test',
      role: 'coordinator',
      name: 'Coordination',
      password: PASSWORD,
      locale: 'fr',
    });
    const { token } = await issueApiToken(system, { email: 'coordination@bench.virage.test', name: 'bench' });
    await services.close();

    const server = await startServer(database, 3_483);
    try {
      const get = (id: string) =>
        timed(async () => {
          const res = await fetch(`${server.url}/api/v1/diagnostics/${id}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          const text = await res.text();
          if (res.status !== 200) throw new Error(`GET diagnostic: ${res.status} ${text.slice(0, 200)}`);
        });
      for (const id of ids.slice(0, 10)) await get(id);
      const alone: number[] = [];
      for (const id of ids.slice(0, 100)) alone.push(await get(id));
      const a = stats(alone);
      rows.push({
        what: `postgres ${DIAGNOSTICS.toLocaleString('en-CA')}: GET /diagnostics/{id}, one at a time`,
        stats: a,
        target: 'p95 < 100',
        pass: a.p95 < 100,
      });
      const mixed: number[] = [];
      let failed = 0;
      await atRate(
        Array.from({ length: 1000 }, (_, i) => ids[i % ids.length]!),
        100,
        async (id) => {
          try {
            mixed.push(await get(id));
          } catch {
            failed++;
          }
        },
      );
      if (failed > 0)
        notes.push(
          `At 100 requests/s, ${failed} of 1,000 GET /diagnostics/{id} failed (503: no database connection free in time).`,
        );
      const m = stats(mixed);
      rows.push({
        what: `postgres ${DIAGNOSTICS.toLocaleString('en-CA')}: GET /diagnostics/{id} at 100 requests/s`,
        stats: m,
        target: 'p95 < 100',
        pass: m.p95 < 100 && failed === 0,
      });
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

scoring();
await pdf();
if (!args['skip-postgres']) await peerBenchmark();

const report = [
  '# Diagnostic benchmark',
  '',
  `Written by \`bench/diagnostic.ts\` on ${new Date().toISOString()} (Node ${process.version}). Times in ms.`,
  '',
  table(
    ['Measure', 'n', 'p50', 'p95', 'p99', 'max', 'target', 'result'],
    rows.map((r) => [
      r.what,
      r.stats.count,
      ms(r.stats.p50),
      ms(r.stats.p95),
      ms(r.stats.p99),
      ms(r.stats.max),
      r.target,
      r.pass ? 'PASS' : 'FAIL',
    ]),
  ),
  '',
  ...notes.map((n) => `- ${n}`),
  '',
].join('\n');
process.stdout.write(report);
writeFileSync(path.join(ROOT, 'bench/RESULTS-diagnostic.md'), report);
