import { and, asc, count, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { conversationMessages, conversationParticipants } from './tables.ts';

export type MessageRow = typeof conversationMessages.$inferSelect;

/** A file's thread, oldest first (the newest last, as one reads a conversation). */
export function messagesOf(db: Executor, applicationId: string): Promise<MessageRow[]> {
  return db
    .select()
    .from(conversationMessages)
    .where(eq(conversationMessages.applicationId, applicationId))
    .orderBy(asc(conversationMessages.createdAt), asc(conversationMessages.id));
}

/** Everyone who has read or been told of a file's thread, with their name and role for read receipts. */
export function participantsOf(db: Executor, applicationId: string) {
  return db
    .select({
      userId: conversationParticipants.userId,
      name: users.name,
      role: users.role,
      lastReadAt: conversationParticipants.lastReadAt,
      notifiedAt: conversationParticipants.notifiedAt,
    })
    .from(conversationParticipants)
    .innerJoin(users, eq(users.id, conversationParticipants.userId))
    .where(eq(conversationParticipants.applicationId, applicationId));
}

/** The person has read the thread up to `at`. */
export async function markRead(tx: Executor, applicationId: string, userId: string, at: Date): Promise<void> {
  await tx
    .insert(conversationParticipants)
    .values({ applicationId, userId, lastReadAt: at })
    .onConflictDoUpdate({
      target: [conversationParticipants.applicationId, conversationParticipants.userId],
      set: { lastReadAt: at },
    });
}

/**
 * Of these people, those who may be told of a new message: never told, or who have read the thread
 * since they were last told (one notice per person until they read, however many messages follow).
 * Marks them told at `at`, in the same statement's transaction.
 */
export async function claimNotices(
  tx: Executor,
  applicationId: string,
  userIds: string[],
  at: Date,
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const told = await tx
    .select({ userId: conversationParticipants.userId })
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.applicationId, applicationId),
        inArray(conversationParticipants.userId, userIds),
        sql`${conversationParticipants.notifiedAt} is not null`,
        or(
          isNull(conversationParticipants.lastReadAt),
          sql`${conversationParticipants.lastReadAt} < ${conversationParticipants.notifiedAt}`,
        ),
      ),
    )
    .for('update');
  const waiting = new Set(told.map((r) => r.userId));
  const due = userIds.filter((id) => !waiting.has(id));
  if (due.length > 0)
    await tx
      .insert(conversationParticipants)
      .values(due.map((userId) => ({ applicationId, userId, notifiedAt: at })))
      .onConflictDoUpdate({
        target: [conversationParticipants.applicationId, conversationParticipants.userId],
        set: { notifiedAt: at },
      });
  return new Set(due);
}

/**
 * Messages not yet read by this person in the files that are theirs (the retailer's applications, the
 * expert's assigned files), per file: written by someone else after they last read the thread. One
 * indexed query, cheap enough for the navigation.
 */
export async function unreadCounts(
  db: Executor,
  userId: string,
  as: 'applicant' | 'expert',
): Promise<Map<string, number>> {
  const theirs =
    as === 'applicant' ? eq(applications.applicantId, userId) : eq(applications.assignedExpertUserId, userId);
  const rows = await db
    .select({ applicationId: conversationMessages.applicationId, unread: count() })
    .from(applications)
    .innerJoin(conversationMessages, eq(conversationMessages.applicationId, applications.id))
    .leftJoin(
      conversationParticipants,
      and(
        eq(conversationParticipants.applicationId, applications.id),
        eq(conversationParticipants.userId, userId),
      ),
    )
    .where(
      and(
        theirs,
        or(isNull(conversationMessages.authorId), ne(conversationMessages.authorId, userId)),
        or(
          isNull(conversationParticipants.lastReadAt),
          gt(conversationMessages.createdAt, conversationParticipants.lastReadAt),
        ),
      ),
    )
    .groupBy(conversationMessages.applicationId);
  return new Map(rows.map((r) => [r.applicationId, Number(r.unread)]));
}
