import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import { RECIPIENTS, REMINDER_KINDS } from '../domain/kinds.ts';

/** A program's choice per kind of reminder (none stored: on, with the kind's default delay). */
export const reminderSettings = pgTable(
  'reminder_settings',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REMINDER_KINDS }).notNull(),
    enabled: boolean('enabled').notNull(),
    days: integer('days').notNull(),
    updatedAt: instant('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.programId, t.kind] })],
);

/**
 * Every reminder sent, once per occasion and recipient: the unique key is claimed (insert … on
 * conflict do nothing) in the transaction that queues the e-mail, so a restart or a second process
 * sweeping at the same time never sends it again.
 */
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: REMINDER_KINDS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    occasionKey: text('occasion_key').notNull(),
    recipient: text('recipient', { enum: RECIPIENTS }).notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    sentAt: instant('sent_at').notNull(),
  },
  (t) => [
    uniqueIndex('reminder_deliveries_occasion_key').on(t.kind, t.subjectId, t.occasionKey, t.recipient),
    index('reminder_deliveries_application_idx').on(t.applicationId, t.sentAt),
  ],
);

/** People who asked to receive no more reminders that may be stopped (« Ne plus recevoir de rappels »). */
export const reminderOptOuts = pgTable('reminder_opt_outs', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  stoppedAt: instant('stopped_at').notNull(),
});
