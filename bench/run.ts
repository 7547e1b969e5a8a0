/**
 * `npm run bench`: DESIGN §5 measured on this machine. For each engine (embedded, then PostgreSQL when
 * reachable): initialise a throwaway database with Virage itself, measure start-up on the existing data,
 * then run every scenario of bench/scenarios against Virage and against the bare yardstick
 * (bench/bare-server.ts) on the same data, read Virage's memory, and print/write the tables.
 *
 * Settings (environment):
 *   BENCH_CONNECTIONS (10), BENCH_DURATION seconds measured per server (8), BENCH_WARMUP seconds (2),
 *   BENCH_ROUNDS (4: Virage and bare take turns), BENCH_STARTS (3), BENCH_RETAILERS (3000),
 *   BENCH_QUIET_WAIT (30: seconds in all to wait, before measurements, for other processes to leave
 *   the CPU; at most 10 s each time),
 *   BENCH_PACED_SECONDS (5: Virage, then the yardstick, alone at an even 100 requests/s, for the latency targets),
 *   BENCH_ENGINES (embedded,postgres), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres).
 *   Virage gets the caller's NODE_ENV, as with `npm start` (unset means production, see src/server/main.ts);
 *   the yardstick always runs in production mode.
 * Flags: --quick (short runs, for trying the harness), --strict (exit 1 when a target is missed).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACED_RATE } from './lib/checks.ts';
import {
  type Child,
  freePort,
  installExitHandlers,
  memoryOf,
  NODE_FLAGS,
  ROOT,
  startChild,
  stopChild,
  tempDir,
  waitFor200,
  wasInterrupted,
} from './lib/children.ts';
import { countAsBenchmark, setDatabaseIsOurs, waitForQuiet } from './lib/cpu.ts';
import { type LoadRequest, type LoadSettings, loadOnce, pacedOnce, type Run, summarise } from './lib/load.ts';
import { describeMachine } from './lib/machine.ts';
import { median, type ProcessFigures, type Report, renderMarkdown, renderText } from './lib/report.ts';
import {
  createBenchAccount,
  createPostgresDatabase,
  ensureBuild,
  postgresUnavailable,
  seedRetailers,
} from './lib/setup.ts';
import type { BenchContext, Check, Comparison, Engine, Paced, RunningServer } from './lib/types.ts';
import { scenarios } from './scenarios/index.ts';

const started = performance.now();
const quick = process.argv.includes('--quick');
const strict = process.argv.includes('--strict');
const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number`);
  return value;
};
const load = {
  connections: setting('BENCH_CONNECTIONS', 10),
  duration: setting('BENCH_DURATION', quick ? 3 : 8),
  warmup: setting('BENCH_WARMUP', quick ? 1 : 2),
  rounds: Math.max(1, setting('BENCH_ROUNDS', 4)),
};
const starts = Math.max(1, setting('BENCH_STARTS', quick ? 2 : 3));
const retailers = setting('BENCH_RETAILERS', 3000);
const pacedSeconds = setting('BENCH_PACED_SECONDS', quick ? 3 : 5);
// At most 10 s before each measurement, at most BENCH_QUIET_WAIT seconds in all (the run stays short).
let quietBudget = setting('BENCH_QUIET_WAIT', quick ? 0 : 30);
async function quiet() {
  if (quietBudget <= 0) return;
  const waited = await waitForQuiet(Math.min(10, quietBudget));
  quietBudget -= waited;
  if (waited > 1) log(`  (waited ${waited.toFixed(0)} s for other processes to leave the CPU)`);
}
const engines = (process.env.BENCH_ENGINES ?? 'embedded,postgres').split(',').map((e) => e.trim());

const log = (message: string) => process.stdout.write(`${message}\n`);
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
}
installExitHandlers(cleanUp);

// Virage gets the caller's environment, as `npm start` would, minus what the benchmark sets itself.
const baseEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
for (const name of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'PUBLIC_URL', 'METRICS_TOKEN']) delete baseEnv[name];
const virageNodeEnv = process.env.NODE_ENV ?? 'production (unset: src/server/main.ts sets it)';
const barePoolSize = process.env.DB_POOL_SIZE ?? '10';

type EngineSetup = {
  engine: Engine;
  /** DATA_DIR and, for PostgreSQL, DATABASE_URL. */
  env: NodeJS.ProcessEnv;
  /** Where the yardstick finds the same data (for the embedded engine, a copy taken now). */
  bareEnv(): NodeJS.ProcessEnv;
};

async function startVirage(env: NodeJS.ProcessEnv, url: string) {
  if (ensureBuild(log)) log('  (sources changed during the run: rebuilt before this start)');
  const t0 = performance.now();
  const child = startChild('Virage', [...NODE_FLAGS, 'src/server/main.ts'], { env });
  await waitFor200(`${url}/healthz`, child);
  const ms = performance.now() - t0;
  // The "ready" line may arrive just after the first answer.
  let self: number | undefined;
  for (let i = 0; i < 100 && self === undefined; i++) {
    self = Number(/started in (\d+) ms/.exec(child.output())?.[1]) || undefined;
    if (self === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  // Sources edited meanwhile (someone at work in the tree): that start measured a build.
  const rebuilt = child.output().includes('Building the interface');
  return { child, ms, self: self ?? Number.NaN, rebuilt };
}

async function startBare(env: NodeJS.ProcessEnv, url: string): Promise<Child> {
  const child = startChild('bare server', [...NODE_FLAGS, 'bench/bare-server.ts'], { env });
  await waitFor200(`${url}/healthz`, child);
  return child;
}

async function probe(server: RunningServer, request: LoadRequest) {
  const response = await fetch(new URL(request.path, server.url), { headers: request.headers });
  const body = await response.text();
  if (response.status < 200 || response.status > 299 || (request.expect && !body.includes(request.expect))) {
    const expected = request.expect ? ` (expected “${request.expect}”)` : '';
    throw new Error(
      `${server.name} answered ${request.path} with ${response.status}${expected}:\n${body.slice(0, 500)}`,
    );
  }
}

/**
 * Warm-up of each, then `rounds` turns (bare then Virage, then Virage then bare...) of duration/rounds seconds
 * each, so that both meet the same background conditions.
 */
async function compareOn(
  virage: RunningServer,
  bare: RunningServer,
  request: LoadRequest,
  settings: LoadSettings,
) {
  await probe(virage, request);
  await probe(bare, request);
  await quiet();
  const turn = (server: RunningServer, seconds: number) =>
    loadOnce(server.url, request, settings.connections, seconds, server.pid);
  if (settings.warmup > 0) {
    await turn(virage, settings.warmup);
    await turn(bare, settings.warmup);
  }
  const runs = new Map<RunningServer, Run[]>([
    [virage, []],
    [bare, []],
  ]);
  const perRound = settings.duration / settings.rounds;
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? [bare, virage] : [virage, bare];
    for (const server of order) runs.get(server)!.push(await turn(server, perRound));
  }
  return { virage: summarise(runs.get(virage)!), bare: summarise(runs.get(bare)!) };
}

async function runEngine(setup: EngineSetup) {
  const { engine } = setup;
  log(`\n== ${engine} engine ==`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...baseEnv, ...setup.env, PORT: String(port) };
  const running: Child[] = [];
  const stopAll = async () => {
    for (const child of running.splice(0)) await stopChild(child);
  };
  cleanups.push(stopAll);
  try {
    // First start on an empty database: migrations, default program. Then the account, through the CLI.
    const first = await startVirage(env, url);
    running.push(first.child);
    log(`  first start (empty database): ${Math.round(first.ms)} ms`);
    const token = await createBenchAccount(env);
    const seeding = performance.now();
    await seedRetailers(env, retailers);
    log(
      `  demo data: ${retailers.toLocaleString('en-CA')} retailers (${Math.round(performance.now() - seeding)} ms)`,
    );
    await stopAll();
    const bareEnv = { ...baseEnv, ...setup.bareEnv() };

    // Start-up on the existing data; the last start stays up for the load.
    const startupsMs: number[] = [];
    const selfReportedMs: number[] = [];
    let virageChild: Child | undefined;
    for (let attempt = 0; startupsMs.length < starts; attempt++) {
      if (attempt >= starts * 3)
        throw new Error('Virage rebuilt its interface at every start: sources keep changing');
      const start = await startVirage(env, url);
      running.push(start.child);
      if (start.rebuilt) {
        log(`  (a start rebuilt the interface — sources changed — and is not counted)`);
      } else {
        startupsMs.push(start.ms);
        selfReportedMs.push(start.self);
      }
      if (startupsMs.length < starts) await stopAll();
      else virageChild = start.child;
    }
    log(`  start-up on existing data: ${startupsMs.map((ms) => Math.round(ms)).join(', ')} ms`);

    const barePort = await freePort();
    const bareUrl = `http://127.0.0.1:${barePort}`;
    const bareChild = await startBare({ ...bareEnv, BARE_PORT: String(barePort) }, bareUrl);
    running.push(bareChild);
    const virage: RunningServer = { name: 'Virage', url, pid: virageChild!.pid, child: virageChild! };
    countAsBenchmark(virage.pid);
    countAsBenchmark(bareChild.pid);
    setDatabaseIsOurs(engine === 'postgres');
    const bare: RunningServer = { name: 'bare', url: bareUrl, pid: bareChild.pid, child: bareChild };

    const context: BenchContext = {
      engine,
      virage,
      bare,
      token,
      retailers,
      load,
      log,
      async compare(scenario, request, overrides) {
        const { virage: v, bare: b } = await compareOn(virage, bare, request, { ...load, ...overrides });
        log(
          `  ${scenario}: Virage ${Math.round(v.rps)} req/s (p95 ${v.p95.toFixed(1)} ms), ` +
            `bare ${Math.round(b.rps)} req/s (p95 ${b.p95.toFixed(1)} ms) → ${((v.rps / b.rps) * 100).toFixed(0)} %`,
        );
        return { engine, scenario, virage: v, bare: b };
      },
      async paced(scenario, request) {
        const at = async (server: RunningServer) => {
          await probe(server, request);
          await quiet();
          const run = await pacedOnce(server.url, request, PACED_RATE, pacedSeconds, server.pid);
          return summarise([run]);
        };
        const result = await at(virage);
        const bareResult = await at(bare);
        log(
          `  ${scenario} at ${PACED_RATE} req/s: Virage p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, ` +
            `p99 ${result.p99.toFixed(1)} ms; bare p95 ${bareResult.p95.toFixed(1)} ms`,
        );
        return { engine, scenario, rate: PACED_RATE, result, bare: bareResult };
      },
    };

    const comparisons: Comparison[] = [];
    const paced: Paced[] = [];
    const checks: Check[] = [];
    const notes: string[] = [];
    for (const scenario of scenarios) {
      if (scenario.engines && !scenario.engines.includes(engine)) continue;
      const output = await scenario.run(context);
      comparisons.push(...output.comparisons);
      paced.push(...(output.paced ?? []));
      checks.push(...output.checks);
      notes.push(...(output.notes ?? []));
    }

    const figures: ProcessFigures = {
      engine,
      startupsMs,
      selfReportedMs,
      firstStartMs: first.rebuilt ? Number.NaN : first.ms,
      virageMemory: memoryOf(virage.pid),
      bareMemory: memoryOf(bare.pid),
    };
    const startup = median(startupsMs);
    checks.push({
      engine,
      target: 'start-up on existing data < 2 s',
      measured: `${Math.round(startup)} ms`,
      pass: startup < 2000,
    });
    const rssBudget = engine === 'embedded' ? 768 : 512;
    if (figures.virageMemory) {
      checks.push({
        engine,
        target: `server RSS after the load < ${rssBudget} MiB`,
        measured: `${figures.virageMemory.rssMiB.toFixed(0)} MiB`,
        pass: figures.virageMemory.rssMiB < rssBudget,
      });
    }
    return { figures, comparisons, paced, checks, notes };
  } finally {
    await stopAll();
  }
}

function embeddedSetup(): EngineSetup {
  const dataDir = tempDir('virage-bench-');
  return {
    engine: 'embedded',
    env: { DATA_DIR: dataDir },
    bareEnv() {
      // The embedded engine admits one process per folder: the yardstick gets a copy of the same data.
      const copy = path.join(tempDir('virage-bench-bare-'), 'pglite');
      cpSync(path.join(dataDir, 'pglite'), copy, { recursive: true });
      return { BARE_PGLITE_DIR: copy, NODE_ENV: 'production' };
    },
  };
}

async function postgresSetup(): Promise<EngineSetup> {
  const database = await createPostgresDatabase();
  cleanups.push(database.drop);
  return {
    engine: 'postgres',
    env: { DATA_DIR: tempDir('virage-bench-pg-'), DATABASE_URL: database.url },
    bareEnv: () => ({
      BARE_DATABASE_URL: database.url,
      BARE_POOL_SIZE: barePoolSize,
      NODE_ENV: 'production',
    }),
  };
}

let loadBefore = '';

async function main() {
  const machine = describeMachine(ROOT);
  loadBefore = readFileSync('/proc/loadavg', 'utf8').trim();
  log(`Virage benchmark on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}`);
  ensureBuild(log);
  const report: Report = {
    machine,
    load,
    retailers,
    nodeEnv: { virage: virageNodeEnv, bare: 'production' },
    processes: [],
    comparisons: [],
    paced: [],
    checks: [],
    notes: [],
    totalSeconds: 0,
  };
  if (process.env.NODE_ENV && process.env.NODE_ENV !== 'production') {
    report.notes.push(
      `Virage ran with NODE_ENV ${virageNodeEnv}: React and react-dom loaded their development builds, ` +
        'the yardstick their production builds. Leave NODE_ENV unset to measure what `npm start` serves.',
    );
  }
  const add = (result: Awaited<ReturnType<typeof runEngine>>) => {
    report.processes.push(result.figures);
    report.comparisons.push(...result.comparisons);
    report.paced.push(...result.paced);
    report.checks.push(...result.checks);
    report.notes.push(...result.notes);
  };
  try {
    if (engines.includes('embedded')) add(await runEngine(embeddedSetup()));
    if (engines.includes('postgres')) {
      const unavailable = await postgresUnavailable();
      if (unavailable) {
        const note = `PostgreSQL skipped: not reachable (${unavailable}).`;
        log(`\n${note}`);
        report.notes.push(note);
      } else {
        add(await runEngine(await postgresSetup()));
      }
    }
  } finally {
    await cleanUp();
  }
  const busy = report.comparisons.filter((c) => Math.max(c.virage.otherCores, c.bare.otherCores) > 0.15);
  if (busy.length > 0) {
    report.notes.push(
      `Other processes used the CPU during ${busy.map((c) => `${c.engine} ${c.scenario}`).join(', ')} ` +
        '(column “Other CPU”, in cores): those figures understate what this machine can do; ' +
        'the ratio is fairer than the absolute numbers since Virage and bare took turns.',
    );
  }
  report.notes.push(
    `Load average before the run: ${loadBefore}; after: ${readFileSync('/proc/loadavg', 'utf8').trim()}.`,
  );
  report.totalSeconds = (performance.now() - started) / 1000;
  log(renderText(report));
  writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), renderMarkdown(report));
  return strict && report.checks.some((c) => !c.pass) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (wasInterrupted()) return; // the signal handler cleans up and exits
    process.stderr.write(`\nBenchmark failed: ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  },
);
