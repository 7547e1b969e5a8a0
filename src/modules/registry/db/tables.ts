import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import type { ImportProblem } from '../domain/extract-format.ts';
import { EXTRACT_STATUSES, type RowCounts } from '../domain/extracts.ts';

const day = (name: string) => date(name, { mode: 'string' });

/**
 * One import of the registry's file, and its provenance. Its rows carry its id (they are the staging
 * area while it loads); the extract marked `current` is the one lookups read, flipped in one transaction.
 */
export const registryExtracts = pgTable(
  'registry_extracts',
  {
    id: uuid('id').primaryKey(),
    checksum: text('checksum').notNull(),
    fileName: text('file_name').notNull(),
    fileDate: day('file_date'),
    sizeBytes: integer('size_bytes').notNull(),
    status: text('status', { enum: EXTRACT_STATUSES }).notNull(),
    /** Rows read so far, every file together: the progress shown while it loads. */
    rowsRead: integer('rows_read').notNull().default(0),
    rowCounts: jsonb('row_counts').$type<RowCounts>().notNull().default({}),
    warnings: jsonb('warnings').$type<ImportProblem[]>().notNull().default([]),
    failure: jsonb('failure').$type<ImportProblem>(),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who started it when no account did (`virage registry import`). */
    importedVia: text('imported_via').notNull(),
    startedAt: instant('started_at').notNull(),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    uniqueIndex('registry_extracts_one_current').on(t.status).where(sql`status = 'current'`),
    index('registry_extracts_checksum_idx').on(t.checksum),
  ],
);

/** Rows an import left out, with the reason (the first thousand per extract; the counts have them all). */
export const registryRejectedRows = pgTable(
  'registry_rejected_rows',
  {
    extractId: uuid('extract_id')
      .notNull()
      .references(() => registryExtracts.id, { onDelete: 'cascade' }),
    file: text('file').notNull(),
    line: integer('line').notNull(),
    reason: text('reason').notNull(),
    column: text('column_name'),
  },
  (t) => [index('registry_rejected_rows_extract_idx').on(t.extractId, t.file, t.line)],
);

/** `Entreprise.csv`: codes kept raw, decoded through the extract's own code lists. */
export const registryEnterprises = pgTable(
  'registry_enterprises',
  {
    extractId: uuid('extract_id').notNull(),
    neq: text('neq').notNull(),
    bankrupt: boolean('bankrupt').notNull(),
    registeredOn: day('registered_on'),
    statusCode: text('status_code'),
    statusOn: day('status_on'),
    legalFormCode: text('legal_form_code'),
    jurisdictionCode: text('jurisdiction_code'),
    employeeBandCode: text('employee_band_code'),
    caeCode: text('cae_code'),
    caeDescription: text('cae_description'),
    cae2Code: text('cae2_code'),
    cae2Description: text('cae2_description'),
    constitutedOn: day('constituted_on'),
    addressDisplayable: boolean('address_displayable').notNull(),
    /** The domicile's lines, one per line; kept even when not displayable, never shown then. */
    address: text('address'),
  },
  (t) => [primaryKey({ columns: [t.extractId, t.neq] })],
);

/** `Nom.csv`: every name of a business, with its dates. */
export const registryNames = pgTable(
  'registry_names',
  {
    extractId: uuid('extract_id').notNull(),
    neq: text('neq').notNull(),
    name: text('name').notNull(),
    foreignName: text('foreign_name'),
    statusCode: text('status_code'),
    typeCode: text('type_code'),
    startedOn: day('started_on'),
    endedOn: day('ended_on'),
  },
  (t) => [index('registry_names_neq_idx').on(t.extractId, t.neq)],
);

/** `Etablissement.csv`: the establishments, that is the stores. */
export const registryEstablishments = pgTable(
  'registry_establishments',
  {
    extractId: uuid('extract_id').notNull(),
    neq: text('neq').notNull(),
    number: text('number'),
    main: boolean('main').notNull(),
    addressDisplayable: boolean('address_displayable').notNull(),
    address: text('address'),
    name: text('name'),
    caeCode: text('cae_code'),
    caeDescription: text('cae_description'),
    cae2Code: text('cae2_code'),
    cae2Description: text('cae2_description'),
  },
  (t) => [index('registry_establishments_neq_idx').on(t.extractId, t.neq)],
);

/** `FusionScission.csv` and `ContinuationTransformation.csv`, kept as the file gives them. */
export const registryEvents = pgTable(
  'registry_events',
  {
    extractId: uuid('extract_id').notNull(),
    neq: text('neq').notNull(),
    file: text('file').notNull(),
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
  },
  (t) => [index('registry_events_neq_idx').on(t.extractId, t.neq)],
);

/** `DomaineValeur.csv`: every code list of the extract, the raw code beside its French label. */
export const registryCodes = pgTable(
  'registry_codes',
  {
    extractId: uuid('extract_id').notNull(),
    domain: text('domain').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.extractId, t.domain, t.code] })],
);

/** The CAE → NAICS correspondence administrators keep (no official crosswalk is known). */
export const registryCaeNaics = pgTable('registry_cae_naics', {
  cae: text('cae').primaryKey(),
  naics: text('naics').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/**
 * An administrator's record that the registry's licence allows republishing registry-derived values
 * (decision 44): until one is in force, research extracts leave those values out. Kept for the whole
 * instance, not per extract (the licence is the publisher's, the same for every file); revoked, not
 * deleted, so who allowed it and when stays known. At most one in force.
 */
export const registryLicenceRecords = pgTable(
  'registry_licence_records',
  {
    id: uuid('id').primaryKey(),
    /** What the administrator relies on: the licence's name, version, address, and the clause. */
    licence: text('licence').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: instant('recorded_at').notNull(),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: instant('revoked_at'),
  },
  () => [
    uniqueIndex('registry_licence_records_in_force')
      .on(sql`(revoked_at is null)`)
      .where(sql`revoked_at is null`),
  ],
);
