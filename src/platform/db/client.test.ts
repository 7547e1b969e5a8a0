import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Executor, openDatabase } from './client.ts';

const serverUrl = process.env.TEST_DATABASE_URL;

describe('database connections', () => {
  // JIT compilation cost a research extract's batch more than running it (decision 49).
  it.runIf(serverUrl)(
    'turn the PostgreSQL server’s JIT compilation off, on the pool and in transactions',
    async () => {
      const database = await openDatabase({ kind: 'postgres', url: serverUrl!, poolSize: 2 });
      try {
        const setting = async (run: Executor) => {
          const result = (await run.execute(sql`show jit`)) as unknown as { rows: { jit: string }[] };
          return result.rows[0]!.jit;
        };
        expect(await setting(database.db)).toBe('off');
        expect(await database.db.transaction((tx) => setting(tx))).toBe('off');
      } finally {
        await database.close();
      }
    },
  );
});
