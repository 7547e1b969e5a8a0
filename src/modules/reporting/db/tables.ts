import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytes, instant } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import type { FailingClass, Generalisation, VariableGroup } from '../domain/research.ts';

export const EXTRACT_STATUSES = ['requested', 'approved', 'refused'] as const;
/** Refused by an administrator (with a reason), or by the k-anonymity check at extraction. */
export const REFUSAL_KINDS = ['administrator', 'k_anonymity'] as const;

/** Files of the extract's zip and their SHA-256, hex. */
export type ExtractChecksums = Record<string, string>;

/**
 * A researcher's request for an extract and, once an administrator approves it, what was extracted:
 * when, under which rules, how many businesses, the checksums. The register of communications for
 * research (reference §3.3): who asked, for what, who approved, when.
 */
export const researchExtracts = pgTable(
  'research_extracts',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').notNull(),
    variableGroups: jsonb('variable_groups').$type<VariableGroup[]>().notNull(),
    generalisation: jsonb('generalisation').$type<Generalisation>().notNull(),
    status: text('status', { enum: EXTRACT_STATUSES }).notNull().default('requested'),
    requestedAt: instant('requested_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: instant('decided_at'),
    refusalKind: text('refusal_kind', { enum: REFUSAL_KINDS }),
    refusalReason: text('refusal_reason'),
    /** When k-anonymity failed: the classes under k and the least generalisation that passes. */
    failingClasses: jsonb('failing_classes').$type<FailingClass[]>(),
    suggestedGeneralisation: jsonb('suggested_generalisation').$type<Generalisation>(),
    extractedAt: instant('extracted_at'),
    rowCount: integer('row_count'),
    classCount: integer('class_count'),
    rulesVersions: jsonb('rules_versions').$type<Record<string, string>>(),
    checksums: jsonb('checksums').$type<ExtractChecksums>(),
    sizeBytes: integer('size_bytes'),
    downloads: integer('downloads').notNull().default(0),
  },
  (t) => [
    index('research_extracts_requester_idx').on(t.requestedBy, t.requestedAt),
    index('research_extracts_status_idx').on(t.status, t.requestedAt),
  ],
);

/** The extract's zip, in pieces of about a megabyte, so it is written and read without holding it whole. */
export const researchExtractChunks = pgTable(
  'research_extract_chunks',
  {
    extractId: uuid('extract_id')
      .notNull()
      .references(() => researchExtracts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    data: bytes('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.extractId, t.position] })],
);

/**
 * The quarterly reports: each row a frozen snapshot of the ministry's indicators for one fiscal quarter,
 * after disclosure control, as canonical JSON with its SHA-256. A correction is a new version with its
 * reason; a trigger refuses every update and delete, so a version once produced never changes.
 */
export const quarterlyReports = pgTable(
  'quarterly_reports',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    /** The year the fiscal year starts in: 2026 is « 2026-2027 ». */
    fiscalYear: integer('fiscal_year').notNull(),
    quarter: integer('quarter').notNull(),
    version: integer('version').notNull(),
    /** Why a version after the first was produced. */
    reason: text('reason'),
    /** The snapshot as canonical JSON (keys sorted, no spaces): the exact text the checksum is of. */
    snapshot: text('snapshot').notNull(),
    /** SHA-256 of `snapshot` in UTF-8, hex. */
    checksum: text('checksum').notNull(),
    rulesVersion: text('rules_version').notNull(),
    producedBy: uuid('produced_by')
      .notNull()
      .references(() => users.id),
    producedAt: instant('produced_at').notNull(),
  },
  (t) => [
    uniqueIndex('quarterly_reports_version_key').on(t.programId, t.fiscalYear, t.quarter, t.version),
    check('quarterly_reports_quarter_check', sql`quarter between 1 and 4`),
    check('quarterly_reports_version_check', sql`version >= 1`),
    check('quarterly_reports_reason_check', sql`version = 1 or reason is not null`),
  ],
);

/**
 * A program's disclosure rules, when its administrators set them (decision 30); a program without a
 * row uses the defaults of decision 16. The audit log keeps every change and who made it.
 */
export const disclosureSettings = pgTable('disclosure_settings', {
  programId: uuid('program_id')
    .primaryKey()
    .references(() => programs.id, { onDelete: 'cascade' }),
  minCount: integer('min_count').notNull(),
  /** A share, 0.85 for 85 %. */
  dominance: doublePrecision('dominance').notNull(),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});
