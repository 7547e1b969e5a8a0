/**
 * What the data-scale benchmarks share: a fresh database (a temporary embedded folder, or a new database
 * on the PostgreSQL server), Virage's services on it for preparing data with the real use cases, a real
 * Virage server process to measure, and latency statistics.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Config, loadConfig } from '../../src/platform/config.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { firstRun } from '../../src/wiring/first-run.ts';
import { type RunningServices, startServices, systemCtx } from '../../src/wiring/services.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const SESSION_SECRET = 'bench-session-secret-long-enough-for-virage-0123456789';
/** The server to create benchmark databases on (a fresh one per run, dropped at the end). */
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type Engine = 'embedded' | 'postgres';

export type BenchDatabase = { engine: Engine; env: Record<string, string>; drop(): Promise<void> };

export async function freshDatabase(engine: Engine): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'virage-bench-'));
  const base = {
    DATA_DIR: dataDir,
    SESSION_SECRET,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'http://bench.virage.test',
  };
  if (engine === 'embedded') {
    return { engine, env: base, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `virage_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    engine,
    env: { ...base, DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Virage's services on the benchmark database, first run done: for preparing data in this process. */
export async function openServices(
  database: BenchDatabase,
): Promise<{ services: RunningServices; system: Ctx; config: Config }> {
  const config = loadConfig({ ...database.env, NODE_ENV: 'production' });
  const services = await startServices(config);
  const system = systemCtx(services, 'bench');
  await firstRun(system);
  return { services, system, config };
}

/** A Virage server process on the database (closed before: the embedded folder allows one process). */
export async function startServer(
  database: BenchDatabase,
  port: number,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  // The server's log (warnings and errors only) goes to a file named on failure.
  const log = path.join(os.tmpdir(), `virage-bench-server-${port}.log`);
  const child = spawn(
    process.execPath,
    [
      '--experimental-strip-types',
      '--no-warnings=ExperimentalWarning',
      path.join(ROOT, 'src/server/main.ts'),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...database.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', openSync(log, 'w'), 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see ${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start in 3 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export type Stats = { count: number; p50: number; p95: number; p99: number; max: number; mean: number };

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.at(-1) ?? 0,
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
  };
}

/** Runs `task` for each item, `rate` starts per second at most (open loop: a slow answer does not slow the next start). */
export async function atRate<T>(items: T[], rate: number, task: (item: T) => Promise<void>): Promise<number> {
  const started = performance.now();
  const running: Promise<void>[] = [];
  for (const [i, item] of items.entries()) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    running.push(task(item));
  }
  await Promise.all(running);
  return (performance.now() - started) / 1000;
}

/** Times one call, in milliseconds. */
export async function timed(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await call();
  return performance.now() - start;
}

/** `GET url` with a bearer token, one at a time: three to warm up, then `runs` timed; any other status than 200 throws. */
export async function timedGets(url: string, token: string, runs: number): Promise<Stats> {
  const get = () =>
    timed(async () => {
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 200)}`);
    });
  for (let i = 0; i < 3; i++) await get();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await get());
  return stats(samples);
}

export const ms = (value: number) => value.toFixed(1);

export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(cells[0]!),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...cells.slice(1).map(line),
  ].join('\n');
}
