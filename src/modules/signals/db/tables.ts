import { index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import { type Evidence, SIGNAL_KINDS, SIGNAL_STATUSES } from '../domain/kinds.ts';

/**
 * An abuse signal: files sharing what they should not (decision 41). Its fingerprint (kind and matching
 * key) is unique, so recomputing finds it again; a resolution stays until the files concerned change.
 */
export const signals = pgTable(
  'signals',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: SIGNAL_KINDS }).notNull(),
    fingerprint: text('fingerprint').notNull(),
    evidence: jsonb('evidence').$type<Evidence>().notNull(),
    /** The files concerned, sorted, as one string: the evidence a resolution was made on. */
    filesKey: text('files_key').notNull(),
    status: text('status', { enum: SIGNAL_STATUSES }).notNull().default('open'),
    resolutionReason: text('resolution_reason'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedByName: text('resolved_by_name'),
    resolvedAt: instant('resolved_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('signals_fingerprint_key').on(t.fingerprint),
    index('signals_status_idx').on(t.status, t.createdAt),
  ],
);

/** The files (applications, and the claim when it is one) a signal concerns. */
export const signalFiles = pgTable(
  'signal_files',
  {
    signalId: uuid('signal_id')
      .notNull()
      .references(() => signals.id, { onDelete: 'cascade' }),
    /** The application, or the claim's id for the claim kinds. */
    fileId: uuid('file_id').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    claimId: uuid('claim_id'),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.signalId, t.fileId] }),
    index('signal_files_file_idx').on(t.fileId),
    index('signal_files_application_idx').on(t.applicationId),
    index('signal_files_claim_idx').on(t.claimId),
    index('signal_files_program_idx').on(t.programId),
  ],
);
