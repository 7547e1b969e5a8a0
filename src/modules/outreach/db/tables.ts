import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import { MESSAGE_KINDS, MESSAGE_STATUSES, type Segment } from '../domain/messages.ts';

/** A message written by the program team to a segment of a program's businesses, in both languages. */
export const outreachMessages = pgTable(
  'outreach_messages',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: MESSAGE_KINDS }).notNull(),
    subjectFr: text('subject_fr').notNull(),
    subjectEn: text('subject_en').notNull(),
    bodyFr: text('body_fr').notNull(),
    bodyEn: text('body_en').notNull(),
    segment: jsonb('segment').$type<Segment>().notNull(),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull().default('pending'),
    /** How many people the segment held when the recipients were drawn (null: not drawn yet). */
    recipients: integer('recipients'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull(),
    /** When the last of its mails was handed to the outbox. */
    queuedAt: instant('queued_at'),
  },
  (t) => [index('outreach_messages_program_idx').on(t.programId, t.createdAt, t.id)],
);

/**
 * Who a message goes to, drawn once when it is sent (one statement): one row per person, whatever
 * the number of their businesses in the segment. `mail_id` is the outbox message once handed over;
 * the unique pair keeps a resumed send from writing to anyone twice.
 */
export const outreachRecipients = pgTable(
  'outreach_recipients',
  {
    id: uuid('id').primaryKey(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => outreachMessages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** One of the person's businesses in the segment (the one the message is about). */
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    mailId: uuid('mail_id'),
    /** When the person unsubscribed through this message's link. */
    unsubscribedAt: instant('unsubscribed_at'),
  },
  (t) => [
    uniqueIndex('outreach_recipients_message_user_key').on(t.messageId, t.userId),
    index('outreach_recipients_pending_idx').on(t.messageId, t.id).where(sql`mail_id is null`),
  ],
);
