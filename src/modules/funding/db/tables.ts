import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import type { AidRules } from '../domain/aid-rules.ts';
import { ENVELOPE_KINDS } from '../domain/budget.ts';
import { ACCOUNTS, type EntryCause, type EntryKind } from '../domain/ledger.ts';

const cents = (name: string) => bigint(name, { mode: 'number' });

/** A program's envelope: what it pays for, and (accompaniment) the experts' hourly rate. */
export const fundingEnvelopes = pgTable(
  'funding_envelopes',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    key: text('key').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ENVELOPE_KINDS }).notNull(),
    hourlyRateCents: cents('hourly_rate_cents'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('funding_envelopes_program_key').on(t.programId, t.key)],
);

/**
 * An envelope's budget for one fiscal year (the year it starts in: 2026 is « 2026-2027 »). This row is
 * also what a commitment locks: commitments to one envelope-year are serialised, others are not held up.
 */
export const envelopeBudgets = pgTable(
  'envelope_budgets',
  {
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => fundingEnvelopes.id),
    fiscalYear: integer('fiscal_year').notNull(),
    amountCents: cents('amount_cents').notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.envelopeId, t.fiscalYear] }),
    check('envelope_budgets_amount_check', sql`amount_cents >= 0`),
  ],
);

/**
 * The ledger (decision 15): one row per `LedgerEntry`, never updated nor deleted (a trigger refuses).
 * The domain's business is the application file, the one record Virage keeps of a business in a program.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey(),
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => fundingEnvelopes.id),
    fiscalYear: integer('fiscal_year').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind').$type<EntryKind>().notNull(),
    fromAccount: text('from_account', { enum: ACCOUNTS }).notNull(),
    toAccount: text('to_account', { enum: ACCOUNTS }).notNull(),
    amountCents: cents('amount_cents').notNull(),
    cause: text('cause').$type<EntryCause>().notNull(),
    reverses: uuid('reverses').references((): AnyPgColumn => ledgerEntries.id),
    /** Why, in words, and what caused it (`session:<id>`): a later correction finds its entry by source. */
    reason: text('reason').notNull(),
    source: text('source'),
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    check('ledger_entries_amount_check', sql`amount_cents > 0`),
    uniqueIndex('ledger_entries_reverses_key').on(t.reverses),
    index('ledger_entries_envelope_year_idx').on(t.envelopeId, t.fiscalYear),
    index('ledger_entries_application_idx').on(t.applicationId, t.envelopeId),
    index('ledger_entries_source_idx').on(t.source),
  ],
);

/** A program's aid rules, versioned: an agreement keeps the version it was made under. */
export const aidRulesVersions = pgTable(
  'aid_rules_versions',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    version: integer('version').notNull(),
    rules: jsonb('rules').$type<AidRules>().notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('aid_rules_versions_program_version').on(t.programId, t.version)],
);
