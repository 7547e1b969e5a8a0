import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { REQUEST_KINDS, REQUEST_STATUSES } from '../domain/requests.ts';

/**
 * A person's request about their personal information and the officer's answer. The due day is fixed
 * at receipt (30 days, P-39.1 s.32), so the queue sorts and counts overdue requests on an index.
 */
export const privacyRequests = pgTable(
  'privacy_requests',
  {
    id: uuid('id').primaryKey(),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: REQUEST_KINDS }).notNull(),
    details: text('details').notNull(),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('received'),
    receivedAt: instant('received_at').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The officer's answer to the person, or the reason for a refusal. */
    answer: text('answer'),
    answeredAt: instant('answered_at'),
    answeredBy: uuid('answered_by').references(() => users.id),
    updatedAt: instant('updated_at').notNull(),
    /** When the officers were reminded that the due day is near (once per request). */
    remindedAt: instant('reminded_at'),
    /** When the deletion of the requester's account answered this (deletion) request. */
    accountErasedAt: instant('account_erased_at'),
  },
  (t) => [
    index('privacy_requests_requester_idx').on(t.requesterId, t.receivedAt),
    index('privacy_requests_queue_idx').on(t.status, t.dueOn),
    check(
      'privacy_requests_answer_check',
      sql`(${t.status} in ('answered', 'refused')) = (${t.answer} is not null and ${t.answeredAt} is not null)`,
    ),
  ],
);
