import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
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
import { experts } from '../../experts/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import type { OutcomeAnswers } from '../domain/outcomes.ts';
import { ACTION_STATUSES } from '../domain/plan.ts';
import { SESSION_MODES } from '../domain/sessions.ts';

/** A coaching session: scheduled, then held (with hours and notes) or cancelled. */
export const coachingSessions = pgTable(
  'coaching_sessions',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    startsAt: instant('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    mode: text('mode', { enum: SESSION_MODES }).notNull(),
    location: text('location'),
    status: text('status', { enum: ['scheduled', 'held', 'cancelled'] })
      .notNull()
      .default('scheduled'),
    /** Calendar revision: a change or a cancellation sends the same UID with a higher SEQUENCE. */
    sequence: integer('sequence').notNull().default(0),
    minutesLogged: integer('minutes_logged'),
    /** Private to the program staff. */
    notes: text('notes'),
    summary: text('summary'),
    summaryShared: boolean('summary_shared').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    index('coaching_sessions_expert_idx').on(t.expertId, t.startsAt),
    index('coaching_sessions_application_idx').on(t.applicationId, t.startsAt),
    // The sessions of the coming day, for their reminders.
    index('coaching_sessions_scheduled_idx').on(t.startsAt).where(sql`status = 'scheduled'`),
  ],
);

/** The action plan of a coached business (one per application). */
export const actionPlans = pgTable('action_plans', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id, { onDelete: 'cascade' }),
  currentState: text('current_state').notNull().default(''),
  goals: text('goals').notNull().default(''),
  budgetCents: integer('budget_cents'),
  timeline: text('timeline').notNull().default(''),
  status: text('status', { enum: ['draft', 'approved'] })
    .notNull()
    .default('draft'),
  approvedAt: instant('approved_at'),
  approvedBy: uuid('approved_by'),
  ...timestamps(),
});

export const planActions = pgTable(
  'plan_actions',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => actionPlans.applicationId, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    objective: text('objective').notNull(),
    steps: text('steps').notNull().default(''),
    owner: text('owner').notNull().default(''),
    dueDate: date('due_date', { mode: 'string' }),
    estimatedCostCents: integer('estimated_cost_cents'),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('todo'),
    /** Where the action stands, in words (part of the plan: the retailer reads it). */
    note: text('note').notNull().default(''),
    supplierId: uuid('supplier_id'),
    recommendationKey: text('recommendation_key'),
    ...timestamps(),
  },
  (t) => [
    index('plan_actions_application_idx').on(t.applicationId, t.position),
    // The open actions coming due, for their reminders.
    index('plan_actions_open_due_idx').on(t.dueDate).where(sql`status in ('todo', 'in_progress')`),
  ],
);

/** Suppliers retailers may hire; shown neutrally (no paid ranking), rated by retailers who worked with them. */
export const suppliers = pgTable(
  'suppliers',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    name: text('name').notNull(),
    categories: jsonb('categories').$type<string[]>().notNull(),
    regions: jsonb('regions').$type<string[]>().notNull(),
    languages: jsonb('languages').$type<string[]>().notNull(),
    website: text('website'),
    descriptionFr: text('description_fr').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [index('suppliers_program_idx').on(t.programId, t.name)],
);

export const supplierRatings = pgTable(
  'supplier_ratings',
  {
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    comment: text('comment'),
    ratedAt: instant('rated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.supplierId, t.applicationId] })],
);

/** The end of a coaching file: completed, or abandoned with a reason. */
export const closures = pgTable('closures', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id, { onDelete: 'cascade' }),
  outcome: text('outcome', { enum: ['completed', 'abandoned'] }).notNull(),
  reason: text('reason'),
  closedAt: instant('closed_at').notNull(),
  closedBy: uuid('closed_by'),
});

/** Outcome surveys: at closure and six months later (the program's proof of impact). */
export const outcomeSurveys = pgTable(
  'outcome_surveys',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    wave: text('wave', { enum: ['closure', 'six_months'] }).notNull(),
    dueAt: instant('due_at').notNull(),
    sentAt: instant('sent_at'),
    answeredAt: instant('answered_at'),
    answers: jsonb('answers').$type<OutcomeAnswers>(),
  },
  (t) => [uniqueIndex('outcome_surveys_application_wave_key').on(t.applicationId, t.wave)],
);

/** Closures undone by the program team (closed by mistake): kept, with who reopened the file and why. */
export const reopenings = pgTable(
  'reopenings',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    outcome: text('outcome', { enum: ['completed', 'abandoned'] }).notNull(),
    closureReason: text('closure_reason'),
    closedAt: instant('closed_at').notNull(),
    closedBy: uuid('closed_by'),
    reopenedAt: instant('reopened_at').notNull(),
    reopenedBy: uuid('reopened_by'),
    reason: text('reason').notNull(),
  },
  (t) => [index('reopenings_application_idx').on(t.applicationId, t.reopenedAt)],
);

/**
 * What the dashboard reads about each coaching file, kept by triggers on the tables it comes from in
 * the writing transaction (decision 48, as decision 29's cohort facts): while the file is open (an
 * active assignment, no closure) since when nobody met the business (its last session held, else the
 * assignment); once closed, the expert whose assignment the closure ended and the outcomes they are
 * judged on. A file neither open nor closed by an expert has no row.
 */
export const coachingFileFacts = pgTable(
  'coaching_file_facts',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    programId: uuid('program_id').notNull(),
    openSince: instant('open_since'),
    closedBy: uuid('closed_by'),
    /** Closed with both a completed T0 and T1 (1) or not (0), and their overall scores, as `diagnostics.overall`. */
    paired: integer('paired').notNull(),
    t0Overall: real('t0_overall'),
    t1Overall: real('t1_overall'),
    /** The closure survey answered (1) or not (0), and its rating of the expert. */
    surveyAnswered: integer('survey_answered').notNull(),
    satisfaction: doublePrecision('satisfaction'),
    actions: integer('actions').notNull(),
    actionsDone: integer('actions_done').notNull(),
  },
  (t) => [
    // The no-contact alert: counted, and its oldest files read, in this order.
    index('coaching_file_facts_open_idx')
      .on(t.programId, t.openSince, t.applicationId)
      .where(sql`open_since is not null`),
    index('coaching_file_facts_closed_idx').on(t.programId, t.closedBy).where(sql`closed_by is not null`),
  ],
);

/**
 * `coaching_file_facts`' closed files added up per program and expert, kept by a trigger on the facts
 * (decision 48; decision 13's differences upserted in key order): what expert quality is read from.
 * Scores in tenths of a point, so the sums (and the program's line of gain on T0 fitted from them) are exact.
 */
export const coachingExpertOutcomes = pgTable(
  'coaching_expert_outcomes',
  {
    programId: uuid('program_id').notNull(),
    expertId: uuid('expert_id').notNull(),
    closedFiles: integer('closed_files').notNull(),
    pairs: integer('pairs').notNull(),
    /** Over the pairs: Σ T0, Σ gain, Σ T0², Σ T0 × gain, in tenths. */
    t0Sum: bigint('t0_sum', { mode: 'number' }).notNull(),
    gainSum: bigint('gain_sum', { mode: 'number' }).notNull(),
    t0Squares: bigint('t0_squares', { mode: 'number' }).notNull(),
    t0Gains: bigint('t0_gains', { mode: 'number' }).notNull(),
    surveys: integer('surveys').notNull(),
    /** Closure surveys rating the expert, and the sum of their ratings. */
    ratings: integer('ratings').notNull(),
    ratingSum: doublePrecision('rating_sum').notNull(),
    actions: integer('actions').notNull(),
    actionsDone: integer('actions_done').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.expertId] })],
);
