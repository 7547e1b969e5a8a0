import { inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { conversationMessages, conversationParticipants } from './tables.ts';

/**
 * The threads of files whose retention period has run out (the privacy module's retention job, in its
 * transaction): the messages are free text about the business and the people in it, so they go whole.
 */
export async function eraseConversations(tx: Executor, applicationIds: string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  await tx.delete(conversationMessages).where(inArray(conversationMessages.applicationId, applicationIds));
  await tx
    .delete(conversationParticipants)
    .where(inArray(conversationParticipants.applicationId, applicationIds));
}
