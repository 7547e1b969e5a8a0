import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { queueMails } from '../../../platform/mail/queue-mail.ts';
import { parseInput } from '../../../platform/validation.ts';
import { programContactEmail } from '../../programs/index.ts';
import { claimNotices, markRead } from '../db/queries.ts';
import { conversationMessages } from '../db/tables.ts';
import { MAX_MESSAGE_LENGTH, sideOf } from '../domain/sides.ts';
import type { ConversationMessage } from './get-conversation.ts';
import { loadThread } from './load-thread.ts';
import { noticeRecipients } from './notice-recipients.ts';
import { threadPath } from './thread-path.ts';

export const postMessageInput = z.strictObject({ body: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH) });

/**
 * A message in a file's thread. The other side is told by e-mail, in their language, without the
 * message (a link instead), once until they read the thread: ten messages in a row make one notice.
 */
export async function postMessage(
  ctx: Ctx,
  applicationId: string,
  input: unknown,
): Promise<ConversationMessage> {
  const { file, actor } = await loadThread(ctx, applicationId, 'conversation.post');
  const { body } = parseInput(postMessageInput, input, 'conversations');
  const side = sideOf(actor.role);
  const now = ctx.now();
  return transaction(ctx, async (tx) => {
    const message = {
      id: newId(),
      applicationId: file.id,
      authorId: actor.id,
      authorName: actor.name,
      authorRole: actor.role,
      side,
      body,
      createdAt: now,
    };
    await tx.insert(conversationMessages).values(message);
    await markRead(tx, file.id, actor.id, now);
    const recipients = (await noticeRecipients(tx, file, side)).filter((r) => r.id !== actor.id);
    const due = await claimNotices(
      tx,
      file.id,
      recipients.map((r) => r.id),
      now,
    );
    const link = `${ctx.services.config.publicUrl}${threadPath(file.id)}`;
    const contactEmail = await programContactEmail(tx, ctx, file.programId);
    await queueMails(
      tx,
      ctx,
      recipients
        .filter((r) => due.has(r.id))
        .map((r) => ({
          to: r.email,
          locale: r.locale,
          template: 'conversations:mail.new_message',
          params: {
            name: r.name,
            author: actor.name,
            business: file.tradeName || file.legalName || '',
            contactEmail,
          },
          actionUrl: link,
        })),
    );
    await appendAudit(tx, ctx, {
      action: 'conversation.message_posted',
      entityType: 'application',
      entityId: file.id,
      changes: { messageId: message.id, side, notified: due.size },
    });
    const posted: ConversationMessage = {
      id: message.id,
      author: { name: actor.name, role: actor.role, side },
      mine: true,
      body,
      createdAt: now,
      unread: false,
      readBy: [],
    };
    return posted;
  });
}
