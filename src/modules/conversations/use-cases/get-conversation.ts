import { type Ctx, transaction } from '../../../platform/context.ts';
import { markRead, messagesOf, participantsOf } from '../db/queries.ts';
import { type Side, sideOf } from '../domain/sides.ts';
import { loadThread } from './load-thread.ts';

export type ConversationMessage = {
  id: string;
  author: { name: string; role: string; side: Side };
  /** Written by the caller. */
  mine: boolean;
  body: string;
  createdAt: Date;
  /** Not read by the caller before this reading. */
  unread: boolean;
  /** Read receipts: those of the other side who have read the thread since this message. */
  readBy: { name: string; role: string; at: Date }[];
};

export type Conversation = {
  applicationId: string;
  business: string | null;
  messages: ConversationMessage[];
};

/**
 * A file's thread, newest last, with read receipts. Reading it marks it read for the caller (the other
 * side then sees « Lu par … »). The retailer, their expert and the program team.
 */
export async function getConversation(ctx: Ctx, applicationId: string): Promise<Conversation> {
  const { file, actor } = await loadThread(ctx, applicationId, 'conversation.read');
  const now = ctx.now();
  const [rows, participants] = await Promise.all([
    messagesOf(ctx.db, file.id),
    participantsOf(ctx.db, file.id),
  ]);
  const previousRead = participants.find((p) => p.userId === actor.id)?.lastReadAt ?? null;
  await transaction(ctx, (tx) => markRead(tx, file.id, actor.id, now));
  const readers = participants.map((p) => (p.userId === actor.id ? { ...p, lastReadAt: now } : p));
  return {
    applicationId: file.id,
    business: file.tradeName || file.legalName,
    messages: rows.map((m) => {
      const mine = m.authorId === actor.id;
      return {
        id: m.id,
        author: { name: m.authorName, role: m.authorRole, side: m.side },
        mine,
        body: m.body,
        createdAt: m.createdAt,
        unread: !mine && (previousRead === null || m.createdAt > previousRead),
        readBy: readers
          .filter(
            (r) =>
              r.userId !== m.authorId &&
              sideOf(r.role) !== m.side &&
              r.lastReadAt !== null &&
              r.lastReadAt >= m.createdAt,
          )
          .map((r) => ({ name: r.name, role: r.role, at: r.lastReadAt! })),
      };
    }),
  };
}
