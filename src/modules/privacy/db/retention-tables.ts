import { boolean, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';

/** The privacy officer's retention periods, where they differ from the schedule's defaults. */
export const retentionPeriods = pgTable('retention_periods', {
  kind: text('kind').primaryKey(),
  periodMonths: integer('period_months').notNull(),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

export const RETENTION_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/**
 * The destruction log: each run of the retention job, dry or real, with the count of records it
 * anonymised or destroyed per kind — never their content.
 */
export const retentionRuns = pgTable('retention_runs', {
  id: uuid('id').primaryKey(),
  dryRun: boolean('dry_run').notNull(),
  status: text('status', { enum: RETENTION_RUN_STATUSES }).notNull(),
  /** Who started it: a user, or null for the nightly schedule and the command line (see `startedVia`). */
  startedBy: uuid('started_by').references(() => users.id),
  startedVia: text('started_via').notNull(),
  queuedAt: instant('queued_at').notNull(),
  finishedAt: instant('finished_at'),
  counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
  failure: text('failure'),
});

/** A legal hold suspends the retention of a file (a dispute, an audit, a recovery in progress). */
export const legalHolds = pgTable('legal_holds', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  reason: text('reason').notNull(),
  placedBy: uuid('placed_by').references(() => users.id),
  placedAt: instant('placed_at').notNull(),
});
