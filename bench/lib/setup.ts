/** The data a benchmark needs: the interface build, an account with a token, seeded retailers, databases. */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { buildIsStale } from '../../src/server/ui-handler.ts';
import { NODE_FLAGS, ROOT, runToEnd } from './children.ts';

/** Builds the interface when it is missing or older than its sources, so that no start-up rebuilds it. */
export function ensureBuild(log: (message: string) => void): boolean {
  if (!buildIsStale()) return false;
  log('Building the interface (react-router build)…');
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/@react-router/dev/bin.cjs'), 'build'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error('react-router build failed (see above)');
  log(`  built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

const CLI = [...NODE_FLAGS, 'src/cli/main.ts'];
export const BENCH_EMAIL = 'bench@example.ca';

/** A retailer account (no second factor) and a personal access token for it, through the CLI. */
export async function createBenchAccount(env: NodeJS.ProcessEnv): Promise<string> {
  await runToEnd(
    'virage users create',
    [...CLI, 'users', 'create', '--email', BENCH_EMAIL, '--role', 'retailer', '--name', 'Bench'],
    { env, stdin: 'a long enough password\n' },
  );
  const output = await runToEnd(
    'virage tokens create',
    [...CLI, 'tokens', 'create', '--email', BENCH_EMAIL],
    {
      env,
    },
  );
  const token = output
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .findLast((line) => /^\S{20,}$/.test(line));
  if (!token) throw new Error(`virage tokens create printed no token:\n${output}`);
  return token;
}

/**
 * `count` retailers from the project's deterministic demo generator (`virage demo generate`), plus one
 * account per role: the data grows with the generator as modules add to it.
 */
export async function seedRetailers(env: NodeJS.ProcessEnv, count: number) {
  if (count <= 0) return;
  await runToEnd(
    'virage demo generate',
    [...CLI, 'demo', 'generate', '--retailers', String(Math.trunc(count)), '--seed', '2027'],
    { env, timeoutMs: 300_000 },
  );
}

/** The maintenance database of the PostgreSQL server to benchmark on (BENCH_PG_URL to change it). */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL cannot be used, or undefined when it answers. */
export async function postgresUnavailable(): Promise<string | undefined> {
  try {
    await withAdmin((client) => client.query('select 1'));
    return undefined;
  } catch (error) {
    return (error as Error).message || String(error);
  }
}

/** A fresh, empty database; returns its URL and a function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `virage_bench_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.href,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}
