import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { SIDES } from '../domain/sides.ts';

/** The messages of a file's thread: the retailer on one side, their expert and the program team on the other. */
export const conversationMessages = pgTable(
  'conversation_messages',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The author's name and role when they wrote, as the thread shows them. */
    authorName: text('author_name').notNull(),
    authorRole: text('author_role').notNull(),
    side: text('side', { enum: SIDES }).notNull(),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('conversation_messages_thread_idx').on(t.applicationId, t.createdAt)],
);

/**
 * Each person's place in a file's thread: when they last read it (read receipts, unread counts) and
 * when they were last told of a new message by e-mail (one notice until they read it).
 */
export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: instant('last_read_at'),
    notifiedAt: instant('notified_at'),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.userId] }),
    index('conversation_participants_user_idx').on(t.userId),
  ],
);
