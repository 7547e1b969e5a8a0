import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { COMMAND_TYPES } from '../domain/commands.ts';
import type { StoredOutcome } from '../domain/outcomes.ts';

/**
 * Every offline change a device sent, by the id the device gave it: a replay finds its row and gets the
 * stored outcome instead of a second change (exactly once). Written in the same transaction as the
 * change itself. No free text: a note's text is in the session it was added to, not here.
 */
export const receivedCommands = pgTable(
  'sync_commands',
  {
    commandId: uuid('command_id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    type: text('type', { enum: COMMAND_TYPES }).notNull(),
    outcome: jsonb('outcome').$type<StoredOutcome>().notNull(),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [index('sync_commands_application_idx').on(t.applicationId, t.receivedAt)],
);
