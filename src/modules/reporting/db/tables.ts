import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytes, instant } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import type { FailingClass, Generalisation, VariableGroup } from '../domain/research.ts';

/** `erased`: its rows were destroyed at the end of their retention (the record of who received what stays). */
export const EXTRACT_STATUSES = ['requested', 'approved', 'refused', 'erased'] as const;
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
    erasedAt: instant('erased_at'),
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
/** A cohort's group: program, Montréal month of submission, region, NAICS subsector, size band. */
const cohortGroup = () => ({
  programId: uuid('program_id').notNull(),
  month: date('month').notNull(),
  region: text('region'),
  naics: text('naics'),
  sizeBand: text('size_band'),
});

/** The funnel's steps a submitted application has reached, each 0 or 1: what the dashboard adds up. */
const cohortFlags = () => ({
  eligible: integer('eligible').notNull(),
  /** Accepted, even if withdrawn since (its acceptance is in its events). */
  accepted: integer('accepted').notNull(),
  /** Holding a place in the program now. */
  acceptedNow: integer('accepted_now').notNull(),
  waitlisted: integer('waitlisted').notNull(),
  t0Done: integer('t0_done').notNull(),
  assigned: integer('assigned').notNull(),
  planApproved: integer('plan_approved').notNull(),
  closed: integer('closed').notNull(),
  t1Done: integer('t1_done').notNull(),
});

/**
 * One row per submitted application: its group (program, Montréal month of submission, region,
 * subsector, size band), the filters the dashboard offers, and the steps it has reached. Kept by
 * triggers on the tables those facts come from, in the writing transaction (decision 29).
 */
export const cohortFacts = pgTable(
  'reporting_cohort_facts',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    ...cohortGroup(),
    submittedAt: instant('submitted_at').notNull(),
    partnerId: uuid('partner_id'),
    expertUserId: uuid('expert_user_id'),
    ...cohortFlags(),
    /** T1 − T0 in tenths of a point per measure (`overall`, `dimension:<id>`), once both are completed. */
    gains: jsonb('gains').$type<Record<string, number>>(),
  },
  (t) => [
    index('reporting_cohort_facts_submitted_idx').on(t.programId, t.submittedAt),
    index('reporting_cohort_facts_partner_idx').on(t.programId, t.partnerId, t.submittedAt),
    index('reporting_cohort_facts_expert_idx').on(t.programId, t.expertUserId, t.submittedAt),
  ],
);

/**
 * `reporting_cohort_facts` added up per program, month, region, subsector and size band (a group with
 * no region, say, has a null there): a few thousand rows a year however many applications, kept by a
 * trigger on the facts (decision 29).
 */
export const cohortCounts = pgTable(
  'reporting_cohort_counts',
  {
    ...cohortGroup(),
    applications: integer('applications').notNull(),
    ...cohortFlags(),
  },
  (t) => [
    unique('reporting_cohort_counts_group_key')
      .on(t.programId, t.month, t.region, t.naics, t.sizeBand)
      .nullsNotDistinct(),
  ],
);

/**
 * The facts' score gains added up per program, month, region and measure (the impact is not broken down
 * by subsector or size band: fewer rows to read): pairs, the sum of the gains and of their squares
 * (tenths of a point, so exact integers) and how many improved; the impact's mean and variance follow
 * from them (decision 29).
 */
export const cohortGainSums = pgTable(
  'reporting_cohort_gain_sums',
  {
    programId: uuid('program_id').notNull(),
    month: date('month').notNull(),
    region: text('region'),
    measure: text('measure').notNull(),
    pairs: integer('pairs').notNull(),
    sumTenths: bigint('sum_tenths', { mode: 'number' }).notNull(),
    sumSquares: bigint('sum_squares', { mode: 'number' }).notNull(),
    improved: integer('improved').notNull(),
  },
  (t) => [
    unique('reporting_cohort_gain_sums_group_key')
      .on(t.programId, t.month, t.region, t.measure)
      .nullsNotDistinct(),
  ],
);
