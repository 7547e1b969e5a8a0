import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type DataFolderLock, lockDataFolder } from './lock.ts';

// Untyped by schema: queries import the tables they use (no relational query API), so the platform
// does not depend on the modules that own the tables.
type NoSchema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, NoSchema>;
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** The embedded engine, when that is what runs (pg-boss and backups talk to it directly). */
  pglite?: PGlite;
  /** The server pool and its address, when PostgreSQL runs (pg-boss opens its own small pool). */
  pool?: pg.Pool;
  url?: string;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** int8 (counts, cents) as numbers on the server too, as PGlite returns them: one shape on both engines. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  /** An in-memory embedded database, optionally started from a `dumpDataDir` tarball (tests). */
  | { kind: 'pglite-memory'; loadDataDir?: Blob };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') return openPostgres(options.url, options.poolSize ?? 10);
  let lock: DataFolderLock | undefined;
  let pglite: PGlite;
  if (options.kind === 'pglite') {
    lock = lockDataFolder(options.dataDir);
    try {
      pglite = await PGlite.create({
        dataDir: path.join(options.dataDir, 'pglite'),
        extensions: { pg_trgm },
      });
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    pglite = await PGlite.create({ loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
  }
  const db = drizzlePglite(pglite) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite,
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: async () => {
      await pglite.query('select 1');
    },
    close: async () => {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    types: pgTypes,
    // Virage's queries are short by design: compiling one to machine code (≈ 55 ms for a research
    // extract's batch) costs more than running it (decision 49).
    options: '-c jit=off',
  });
  // A broken idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePg(pool) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pool,
    url,
    migrate: async () => {
      // Several processes may start together: one migrates, the others wait on the advisory lock.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(7243551)');
        await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client.query('select pg_advisory_unlock(7243551)').catch(() => {});
        client.release();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

/**
 * Whether an error means every database connection stayed busy past the pool's timeout: an overload
 * to answer with 503 and Retry-After, not a fault.
 */
export function overloaded(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (/timeout exceeded when trying to connect/.test(e.message)) return true;
  }
  return false;
}

/**
 * The rows of a raw SQL statement (for aggregates drizzle's builder cannot say: grouping sets, window
 * functions), on either driver. Numbers may come back as strings on pg: callers convert what they read.
 */
export async function selectRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
