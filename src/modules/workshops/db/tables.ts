import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import {
  DEFAULT_MINIMUM_ATTENDANCE_PERCENT,
  DEFAULT_OFFER_HOURS,
  REGISTRATION_STATUSES,
  WORKSHOP_AUDIENCES,
  WORKSHOP_FORMATS,
  WORKSHOP_STATUSES,
} from '../domain/workshops.ts';

/** A workshop or webinar; the dates of a series are rows sharing a `series_id`. */
export const workshops = pgTable(
  'workshops',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    seriesId: uuid('series_id'),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionFr: text('description_fr').notNull(),
    descriptionEn: text('description_en').notNull(),
    /** A dimension of the program's diagnostic. */
    topic: text('topic').notNull(),
    language: text('language', { enum: ['fr', 'en'] }).notNull(),
    format: text('format', { enum: WORKSHOP_FORMATS }).notNull(),
    place: text('place'),
    link: text('link'),
    startsAt: instant('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    capacity: integer('capacity').notNull(),
    audience: text('audience', { enum: WORKSHOP_AUDIENCES }).notNull(),
    region: text('region'),
    /** The expert or coordinator who leads it and takes attendance. */
    facilitatorUserId: uuid('facilitator_user_id').references(() => users.id),
    /** How long a freed place is held for the next in line. */
    offerHours: integer('offer_hours').notNull().default(DEFAULT_OFFER_HOURS),
    minimumAttendancePercent: integer('minimum_attendance_percent')
      .notNull()
      .default(DEFAULT_MINIMUM_ATTENDANCE_PERCENT),
    status: text('status', { enum: WORKSHOP_STATUSES }).notNull().default('draft'),
    publishedAt: instant('published_at'),
    ...timestamps(),
  },
  (t) => [
    index('workshops_program_idx').on(t.programId, t.startsAt),
    index('workshops_series_idx').on(t.seriesId),
    check('workshops_capacity_positive', sql`${t.capacity} > 0`),
  ],
);

/** A business's registration to a workshop, made by its retailer: one per workshop and business. */
export const workshopRegistrations = pgTable(
  'workshop_registrations',
  {
    id: uuid('id').primaryKey(),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
    /** Place in line: the time the person joined the waitlist (first come, first offered). */
    waitlistedAt: instant('waitlisted_at'),
    offerExpiresAt: instant('offer_expires_at'),
    /** Calendar revision of the registration's invitation (its UID never changes). */
    sequence: integer('sequence').notNull().default(0),
    present: boolean('present'),
    minutesAttended: integer('minutes_attended'),
    satisfactionInvitedAt: instant('satisfaction_invited_at'),
    satisfaction: integer('satisfaction'),
    satisfactionComment: text('satisfaction_comment'),
    answeredAt: instant('answered_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('workshop_registrations_business_uq').on(t.workshopId, t.applicationId),
    index('workshop_registrations_user_idx').on(t.userId),
    index('workshop_registrations_application_idx').on(t.applicationId),
  ],
);
