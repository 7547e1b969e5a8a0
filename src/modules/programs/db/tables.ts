import { integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../../platform/db/columns.ts';

export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionFr: text('description_fr').notNull(),
    descriptionEn: text('description_en').notNull(),
    targetRetailers: integer('target_retailers').notNull(),
    intakeOpensAt: instant('intake_opens_at'),
    intakeClosesAt: instant('intake_closes_at'),
    /** Law 25: people are told when a decision about them is made by automated processing. */
    automatedDecisionNoticeFr: text('automated_decision_notice_fr').notNull().default(''),
    automatedDecisionNoticeEn: text('automated_decision_notice_en').notNull().default(''),
    /** Coaching hours each retailer may use, in minutes (10 h by default). */
    coachingMinutesPerRetailer: integer('coaching_minutes_per_retailer').notNull().default(600),
    /** Where retailers write to this program's team; none: the platform's address (PROGRAM_CONTACT_EMAIL). */
    contactEmail: text('contact_email'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('programs_slug_key').on(t.slug)],
);
