import { getTableColumns, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './db/client.ts';

/** Whose data a copy gathers: the person's account and the businesses they applied for. */
export type PersonalDataSubject = { userId: string; applicationIds: readonly string[] };

/** A column naming the person (`user`) or one of their businesses (`application`). */
export type PersonalDataKey = {
  column: PgColumn;
  of: 'user' | 'application';
  /** When the table names a parent row instead (a claim's invoices): the parent's id and subject column. */
  through?: { id: PgColumn; key: PgColumn };
};

/**
 * Why a column is not given back: a secret kept only as a hash (useless to the person, useful to an
 * attacker), a key derived from columns that are given, the expert's working notes (given by the privacy
 * officer on an access request), the encrypted bank account (its last digits are given).
 */
export const WITHHELD_REASONS = [
  'secret',
  'derived',
  'working_notes',
  'bank_account',
  'the_copy_itself',
] as const;
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

/**
 * One table's part of a person's copy of their data (Law 25 portability), declared by the module that
 * owns the table next to it: which columns find the person's rows, and which columns are never given
 * back, each with why (secrets such as password hashes, keys derived for search).
 */
export type PersonalDataSource = {
  table: PgTable;
  /** The file's name in the copy: the table's name. */
  name: string;
  keys: PersonalDataKey[];
  /** Columns (by SQL name) left out, each with why; the copy's dictionary names them and the reason. */
  withheld?: Record<string, WithheldReason>;
};

const matchOf = (key: PersonalDataKey, subject: PersonalDataSubject): SQL | undefined => {
  const ids = key.of === 'user' ? [subject.userId] : subject.applicationIds;
  if (ids.length === 0) return undefined;
  if (!key.through) return inArray(key.column, [...ids]);
  const parent = key.through.id.table;
  return sql`${key.column} in (select ${key.through.id} from ${parent} where ${inArray(key.through.key, [...ids])})`;
};

/** The subject's rows of one source, keyed by column (SQL name), without its withheld columns. */
export async function readPersonalData(
  db: Executor,
  source: PersonalDataSource,
  subject: PersonalDataSubject,
): Promise<Record<string, unknown>[]> {
  const matches = source.keys.map((key) => matchOf(key, subject)).filter((m) => m !== undefined);
  if (matches.length === 0) return [];
  const columns = Object.fromEntries(
    Object.values(getTableColumns(source.table))
      .filter((c) => !(c.name in (source.withheld ?? {})))
      .map((c) => [c.name, c]),
  );
  return db
    .select(columns)
    .from(source.table)
    .where(or(...matches));
}
