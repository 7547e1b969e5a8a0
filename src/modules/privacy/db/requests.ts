import { desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { users } from '../../identity/db/tables.ts';
import { privacyRequests } from './request-tables.ts';

export type PrivacyRequestRow = typeof privacyRequests.$inferSelect;

/** Requests with the name, e-mail and language of the person who filed them, newest first. */
export function requestsWithRequester(db: Executor, where?: SQL) {
  return db
    .select({
      request: privacyRequests,
      requester: { name: users.name, email: users.email, locale: users.locale },
    })
    .from(privacyRequests)
    .innerJoin(users, eq(users.id, privacyRequests.requesterId))
    .where(where)
    .orderBy(desc(privacyRequests.receivedAt));
}

export type RequestWithRequester = Awaited<ReturnType<typeof requestsWithRequester>>[number];
