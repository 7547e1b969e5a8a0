import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './client.ts';

/**
 * Deletes the rows `where` selects and says how many, or, for a dry run, only counts them with the same
 * condition (the retention job's two modes, one query each).
 */
export async function destroyOrCount(
  tx: Tx,
  table: PgTable & { id: AnyPgColumn },
  where: SQL | undefined,
  dryRun: boolean,
): Promise<number> {
  if (dryRun) return tx.$count(table, where);
  return (await tx.delete(table).where(where).returning({ id: table.id })).length;
}
