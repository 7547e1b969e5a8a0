import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytes, instant } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { DATA_EXPORT_STATUSES } from '../domain/data-export.ts';

/**
 * A person's copy of their data (Law 25 portability): asked for, built by a job, kept 7 days in the
 * database (so any process serves it), then its content is erased; every download is counted and audited.
 */
export const dataExports = pgTable(
  'data_exports',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: DATA_EXPORT_STATUSES }).notNull().default('queued'),
    locale: text('locale', { enum: ['fr', 'en'] }).notNull(),
    requestedAt: instant('requested_at').notNull(),
    readyAt: instant('ready_at'),
    expiresAt: instant('expires_at'),
    sizeBytes: integer('size_bytes'),
    sha256: text('sha256'),
    content: bytes('content'),
    downloads: integer('downloads').notNull().default(0),
  },
  (t) => [index('data_exports_user_idx').on(t.userId, t.requestedAt)],
);
