import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import type { Answers, QuestionnaireContent } from '../domain/questionnaire.ts';
import { EFFORTS } from '../domain/recommendations.ts';
import type { Scores } from '../domain/scoring.ts';

/** Versions of a program's questionnaire; a draft can be previewed, a published one is used. */
export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    content: jsonb('content').$type<QuestionnaireContent>().notNull(),
    publishedAt: instant('published_at'),
    createdBy: uuid('created_by'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('questionnaires_program_version_key').on(t.programId, t.version)],
);

export const PHASES = ['T0', 'T1'] as const;

export const diagnostics = pgTable(
  'diagnostics',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    phase: text('phase', { enum: PHASES }).notNull(),
    status: text('status', { enum: ['in_progress', 'completed'] })
      .notNull()
      .default('in_progress'),
    answers: jsonb('answers').$type<Answers>().notNull().default({}),
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    completedAt: instant('completed_at'),
    scores: jsonb('scores').$type<Scores>(),
    overall: real('overall'),
    level: text('level'),
    // The business as it was at completion: its peer group for the benchmark.
    naics: text('naics'),
    sizeBand: text('size_band'),
    region: text('region'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('diagnostics_application_phase_key').on(t.applicationId, t.phase),
    // How many diagnostics use each questionnaire version (the administrators' list of versions).
    index('diagnostics_questionnaire_idx').on(t.questionnaireId),
    index('diagnostics_peers_idx')
      .on(t.programId, t.phase, t.naics, t.sizeBand, t.region)
      .where(sql`status = 'completed'`),
  ],
);

/**
 * How many completed diagnostics have each score, per peer group and measure: the peer benchmark reads
 * these few rows instead of every peer's scores. Kept by triggers on `diagnostics` (migration 0008), in
 * the same transaction as the change, whatever writes it; never written by the application.
 * `groupKey` joins the group's values with '|' in the order subsector, size band, region ('' for the
 * whole program); `measure` is 'overall' or 'dimension:' and a dimension id; scores are in tenths.
 */
export const diagnosticScoreCounts = pgTable(
  'diagnostic_score_counts',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    phase: text('phase', { enum: PHASES }).notNull(),
    groupKind: text('group_kind').notNull(),
    groupKey: text('group_key').notNull(),
    measure: text('measure').notNull(),
    scoreTenths: integer('score_tenths').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'diagnostic_score_counts_pkey',
      columns: [t.programId, t.phase, t.groupKind, t.groupKey, t.measure, t.scoreTenths],
    }),
  ],
);

/** The recommendations library administrators edit, per program. */
export const recommendations = pgTable(
  'recommendations',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    dimensionId: text('dimension_id').notNull(),
    minScore: integer('min_score').notNull(),
    maxScore: integer('max_score').notNull(),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en').notNull(),
    textFr: text('text_fr').notNull(),
    textEn: text('text_en').notNull(),
    costMin: integer('cost_min').notNull(),
    costMax: integer('cost_max').notNull(),
    effort: text('effort', { enum: EFFORTS }).notNull(),
    priority: integer('priority').notNull().default(5),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('recommendations_program_key').on(t.programId, t.key),
    index('recommendations_dimension_idx').on(t.programId, t.dimensionId),
  ],
);
