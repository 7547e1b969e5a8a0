/**
 * Reporting benchmark (issue 10, DESIGN §5): the program dashboard with 300,000 retailers on
 * PostgreSQL, < 200 ms and within 1.5× of the raw SQL it runs; a quarterly report < 5 s.
 *   A. `getProgramDashboard` in process (the use case: authorization, every read model, the domain);
 *   B. the same SQL statements, recorded from one dashboard and replayed on a bare `pg` client, one
 *      after the other (nothing in the way);
 *   C. `GET /api/v1/programs/{id}/dashboard` over HTTP to a Virage server, one at a time;
 *   D. a quarterly report: produced (a new version each run) and rendered as PDF and as XLSX.
 *
 *   node --experimental-strip-types --no-warnings=ExperimentalWarning bench/reporting.ts [--retailers N]
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { expertOutcomes } from '../src/modules/coaching/index.ts';
import { currentQuestionnaire } from '../src/modules/diagnostic/db/queries.ts';
import { createUser } from '../src/modules/identity/index.ts';
import { issueApiToken } from '../src/modules/identity/use-cases/issue-api-token.ts';
import { resolveActor } from '../src/modules/identity/use-cases/resolve-actor.ts';
import { precheckFailureTotals, precheckTotals } from '../src/modules/intake/index.ts';
import { listPrograms } from '../src/modules/programs/index.ts';
import { quarterOf } from '../src/modules/reporting/index.ts';
import { downloadQuarterlyReport } from '../src/modules/reporting/use-cases/download-quarterly-report.ts';
import { getProgramDashboard } from '../src/modules/reporting/use-cases/get-program-dashboard.ts';
import { produceQuarterlyReport } from '../src/modules/reporting/use-cases/produce-quarterly-report.ts';
import {
  freshDatabase,
  ms,
  openServices,
  ROOT,
  type Stats,
  startServer,
  stats,
  table,
  timed,
  timedGets,
} from './scale/environment.ts';
import { fillApplications, fillCoaching, fillDiagnostics, fillPrechecks } from './scale/fill.ts';

const loadAtStart = os.loadavg()[0]!;
const { values: args } = parseArgs({ options: { retailers: { type: 'string', default: '300000' } } });
const RETAILERS = Number(args.retailers);
const RUNS = 30;
/** As in the assignment benchmark at 300,000 retailers. */
const EXPERTS = 1_200;
const PRECHECKS_PER_DAY = 1_500;
const PASSWORD = 'bench password long enough 2027';
type Row = { what: string; stats: Stats; target: string; pass: boolean };
const rows: Row[] = [];
const notes: string[] = [];

type Recorded = { text: string; values?: unknown[] };

/**
 * Records the statements the `pg` driver sends while `run` runs (every query of the process goes
 * through `Client.prototype.query`, pooled or not).
 */
async function recording(run: () => Promise<unknown>): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...params: unknown[]) {
    const [first, second] = params as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    if (typeof first === 'string')
      recorded.push({ text: first, values: Array.isArray(second) ? second : undefined });
    else if (first && typeof first === 'object' && 'text' in first)
      recorded.push({
        text: first.text,
        values: first.values ?? (Array.isArray(second) ? second : undefined),
      });
    return (original as (...a: unknown[]) => unknown).apply(this, params);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return recorded;
}

const database = await freshDatabase('postgres');
try {
  const { services, system } = await openServices(database);
  const db = services.database.db;
  const programId = (await listPrograms(system))[0]!.id;
  const questionnaire = (await currentQuestionnaire(db, programId))!;
  const filled = await timed(async () => {
    await fillApplications(db, programId, RETAILERS);
    await fillDiagnostics(db, programId, questionnaire.id);
    // A T1 for a third of them, some points higher: the impact has pairs to sum up.
    await db.execute(sql`
      insert into diagnostics (id, application_id, program_id, questionnaire_id, phase, status, answers, completed_at,
        scores, overall, level, naics, size_band, region, created_at, updated_at)
      select gen_random_uuid(), application_id, program_id, questionnaire_id, 'T1', 'completed', '{}'::jsonb, now(),
        jsonb_set(scores, '{overall}', to_jsonb(least(100, overall + 8))), least(100, overall + 8), level,
        naics, size_band, region, now(), now()
      from diagnostics where phase = 'T0' and (hashtext(id::text) & 3) = 0`);
    await fillCoaching(db, programId, EXPERTS);
    await fillPrechecks(db, programId, PRECHECKS_PER_DAY);
    // As autovacuum leaves a settled table (visibility map set: index-only scans possible).
    await db.execute(sql`vacuum analyze`);
  });
  notes.push(
    `${RETAILERS.toLocaleString('en-CA')} applications (a realistic spread of statuses), a completed T0 for each accepted one and a T1 for a quarter of those; ${EXPERTS.toLocaleString('en-CA')} experts coaching every file with a T0 (an approved plan of three actions), the files with a T1 closed with an answered survey and one in eight of the others abandoned; two years of pre-checks (about ${PRECHECKS_PER_DAY.toLocaleString('en-CA')} a day, per region and outcome, with the failed criteria): written in ${(filled / 1000).toFixed(1)} s (set-based SQL).`,
  );
  await createUser(system, {
    email: 'coordination@bench.virage.test',
    role: 'coordinator',
    name: 'Coordination',
    password: PASSWORD,
    locale: 'fr',
  });
  const { token } = await issueApiToken(system, { email: 'coordination@bench.virage.test', name: 'bench' });
  const coordinator = { ...system, actor: await resolveActor(services, { bearerToken: token }) };

  const label = `postgres ${RETAILERS.toLocaleString('en-CA')}`;
  /**
   * `call` in process (three to warm up, then RUNS timed), then the SQL statements it sends, recorded
   * once and replayed on a bare `pg` client one after the other: a row for each, and their ratio.
   * `slowest` also names the slowest statements.
   */
  const againstRawSql = async (what: string, call: () => Promise<unknown>, slowest = false) => {
    for (let i = 0; i < 3; i++) await call(); // warm-up
    const inProcess: number[] = [];
    for (let i = 0; i < RUNS; i++) inProcess.push(await timed(call));
    const a = stats(inProcess);
    rows.push({ what: `${label}: ${what}, in process`, stats: a, target: 'p95 < 200', pass: a.p95 < 200 });
    const statements = await recording(call);
    const bare = new pg.Client({ connectionString: database.env.DATABASE_URL });
    await bare.connect();
    const replay = async () => {
      for (const s of statements) await bare.query(s.text, s.values as unknown[] | undefined);
    };
    const raw: number[] = [];
    try {
      for (let i = 0; i < 3; i++) await replay();
      for (let i = 0; i < RUNS; i++) raw.push(await timed(replay));
      if (slowest) {
        // Where the time goes: each statement's median over a few runs, the slowest named.
        const each = statements.map(() => [] as number[]);
        for (let i = 0; i < 5; i++)
          for (const [k, s] of statements.entries())
            each[k]!.push(await timed(() => bare.query(s.text, s.values as unknown[] | undefined)));
        const top = statements
          .map((s, k) => ({ text: s.text.replace(/\s+/g, ' ').slice(0, 90), p50: stats(each[k]!).p50 }))
          .sort((x, y) => y.p50 - x.p50)
          .slice(0, 3);
        notes.push(
          `Slowest statements of the dashboard (median ms): ${top.map((x) => `${ms(x.p50)} \`${x.text}…\``).join('; ')}.`,
        );
      }
    } finally {
      await bare.end();
    }
    const r = stats(raw);
    rows.push({
      what: `${label}: ${what}, its ${statements.length} SQL statements on a bare client, in sequence`,
      stats: r,
      target: '—',
      pass: true,
    });
    const ratio = a.p50 / r.p50;
    notes.push(
      `${what} / raw SQL (medians): ${ratio.toFixed(2)}× (target ≤ 1.5×: ${ratio <= 1.5 ? 'PASS' : 'FAIL'}).`,
    );
  };

  await againstRawSql('dashboard use case', () => getProgramDashboard(coordinator, programId, {}), true);
  notes.push(
    'The dashboard use case runs its reads concurrently on the pool; the raw replay runs them one after the other on one connection.',
  );
  // Two of the dashboard's reads on their own: the funnel's first step (the pre-checks counted and
  // the criteria they failed) and the experts' outcomes over every closed file.
  const everyPrecheck = { programId };
  await againstRawSql('pre-check step (precheckTotals + precheckFailureTotals)', () =>
    Promise.all([precheckTotals(db, everyPrecheck), precheckFailureTotals(db, everyPrecheck)]),
  );
  await againstRawSql('expert outcomes (expertOutcomes)', () => expertOutcomes(db, programId));
  // The quarter under way, produced again at each run (a correction), then written as both files.
  const quarter = quarterOf(new Date(), 'fiscal');
  const fiscalYear = `${quarter.year}-${quarter.year + 1}`;
  const quarterly = async () => {
    const report = await produceQuarterlyReport(coordinator, programId, {
      fiscalYear,
      quarter: quarter.quarter,
      reason: 'Benchmark',
    });
    await downloadQuarterlyReport(coordinator, report.id, 'pdf', { lang: 'fr' });
    await downloadQuarterlyReport(coordinator, report.id, 'xlsx', { lang: 'fr' });
  };
  await quarterly(); // warm-up (fonts, templates)
  const reports: number[] = [];
  for (let i = 0; i < 5; i++) reports.push(await timed(quarterly));
  const q = stats(reports);
  rows.push({
    what: `${label}: quarterly report produced, then its PDF and XLSX`,
    stats: q,
    target: 'max < 5000',
    pass: q.max < 5000,
  });
  await services.close();

  const server = await startServer(database, 3_484);
  try {
    const h = await timedGets(`${server.url}/api/v1/programs/${programId}/dashboard`, token, RUNS);
    rows.push({
      what: `${label}: GET /programs/{id}/dashboard, one at a time`,
      stats: h,
      target: 'p95 < 200',
      pass: h.p95 < 200,
    });
  } finally {
    await server.stop();
  }
} catch (error) {
  // Said before the database is dropped: dropping it ends the connections still open.
  console.error(error);
  process.exitCode = 1;
} finally {
  await database.drop();
}

const report = [
  '# Reporting benchmark',
  '',
  `Written by \`bench/reporting.ts\` on ${new Date().toISOString()} (Node ${process.version}). Times in ms. Load average (1 min, ${os.cpus().length} cores): ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end.`,
  '',
  table(
    ['Measure', 'n', 'p50', 'p95', 'p99', 'max', 'target', 'result'],
    rows.map((row) => [
      row.what,
      row.stats.count,
      ms(row.stats.p50),
      ms(row.stats.p95),
      ms(row.stats.p99),
      ms(row.stats.max),
      row.target,
      row.pass ? 'PASS' : 'FAIL',
    ]),
  ),
  '',
  ...notes.map((n) => `- ${n}`),
  '',
].join('\n');
process.stdout.write(report);
writeFileSync(path.join(ROOT, `bench/RESULTS-reporting${RETAILERS === 300_000 ? '' : '-small'}.md`), report);
