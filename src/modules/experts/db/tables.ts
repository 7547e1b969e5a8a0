import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import type { Reason } from '../domain/fit.ts';

/** An expert coach's profile: where and in which languages they work, what they know, how many files they take. */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    regions: jsonb('regions').$type<string[]>().notNull(),
    languages: jsonb('languages').$type<string[]>().notNull(),
    specialties: jsonb('specialties').$type<string[]>().notNull(),
    capacity: integer('capacity').notNull(),
    status: text('status', { enum: ['active', 'on_leave'] })
      .notNull()
      .default('active'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('experts_user_key').on(t.userId)],
);

/** Who coaches whom, with the fit that justified it; at most one active assignment per application. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    status: text('status', { enum: ['active', 'ended'] })
      .notNull()
      .default('active'),
    score: integer('score'),
    reasons: jsonb('reasons').$type<Reason[]>(),
    assignedAt: instant('assigned_at').notNull(),
    assignedBy: uuid('assigned_by'),
    endedAt: instant('ended_at'),
    endReason: text('end_reason'),
  },
  (t) => [
    uniqueIndex('assignments_active_application_key').on(t.applicationId).where(sql`status = 'active'`),
    index('assignments_expert_idx').on(t.expertId, t.status),
    // Whether a file was ever assigned, ended assignments included (the dashboard's kept counts).
    index('assignments_application_idx').on(t.applicationId),
  ],
);
