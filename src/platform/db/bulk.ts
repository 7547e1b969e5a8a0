import { type AnyColumn, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.ts';

/**
 * Inserts many rows in one statement with one parameter: the rows as JSON, read back by the database
 * with the table's own row type. For bulk writes (thousands of rows): one parameter per value costs far
 * more, to build and to parse, on the embedded engine. Rows are keyed by the table's property names;
 * columns no row mentions keep their defaults. Values must survive JSON (dates become ISO instants).
 */
export async function insertMany<T extends PgTable>(
  tx: Executor,
  table: T,
  rows: Partial<T['$inferInsert']>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => k in columns);
  const names = sql.join(
    keys.map((k) => sql.identifier(columns[k]!.name)),
    sql`, `,
  );
  const json = JSON.stringify(
    rows.map((r) =>
      Object.fromEntries(keys.map((k) => [columns[k]!.name, (r as Record<string, unknown>)[k] ?? null])),
    ),
  );
  const name = sql.identifier(getTableName(table));
  await tx.execute(
    sql`insert into ${name} (${names}) select ${names} from json_populate_recordset(null::${name}, ${json}::json)`,
  );
}

/**
 * `column = any($1)` with the identifiers as one array parameter: for long lists (thousands of ids),
 * where `in ($1, $2, …)` costs a parameter each.
 */
export const anyOf = (column: AnyColumn, ids: string[]): SQL =>
  sql`${column} = any(${`{${ids.join(',')}}`}::uuid[])`;
