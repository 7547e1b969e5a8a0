import { setTimeout as pause } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { type MailRequest, queueMails } from '../../../platform/mail/queue-mail.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { contactsOf } from '../../identity/index.ts';
import { stillConsenting } from '../../intake/index.ts';
import {
  drawRecipients,
  dropRecipients,
  findMessage,
  type MessageRow,
  markHandedOver,
  pendingRecipients,
} from '../db/messages.ts';
import { outreachMessages } from '../db/tables.ts';
import { unsubscribeUrl } from './unsubscribe-token.ts';

export const DELIVER_MESSAGE_JOB = 'outreach.deliver-message';

/** Mails handed to the outbox per transaction: each stays short, so pages never wait behind one. */
export const BATCH_SIZE = 250;
/** The pause between batches, in which the database answers pages. */
export const BATCH_PAUSE_MS = 10;

/**
 * Sends a message (the job queue): draws its recipients once, then hands their mails to the outbox
 * a batch per transaction, each recipient marked in the same transaction as their mail (a newsletter's
 * consent re-checked in it, so an unsubscribe during the send wins). Run again
 * after a crash, it takes up where it stopped and writes to no one twice.
 */
export async function deliverMessage(ctx: Ctx, messageId: string): Promise<void> {
  authorize(ctx.actor, 'message.deliver');
  let message = await findMessage(ctx.db, messageId);
  if (!message || message.status === 'queued') return;
  if (message.status === 'pending') {
    await transaction(ctx, async (tx) => {
      const [locked] = await tx
        .select({ status: outreachMessages.status })
        .from(outreachMessages)
        .where(eq(outreachMessages.id, messageId))
        .for('update');
      if (locked?.status === 'pending') await drawRecipients(tx, message!, ctx.now());
    });
    message = (await findMessage(ctx.db, messageId))!;
  }
  for (;;) {
    const handed = await transaction(ctx, (tx) => handOverBatch(tx, ctx, message!));
    if (handed === 0) break;
    await pause(BATCH_PAUSE_MS);
  }
  await ctx.db
    .update(outreachMessages)
    .set({ status: 'queued', queuedAt: ctx.now() })
    .where(eq(outreachMessages.id, messageId));
}

async function handOverBatch(tx: Tx, ctx: Ctx, message: MessageRow) {
  const batch = await pendingRecipients(tx, message.id, BATCH_SIZE);
  if (batch.length === 0) return 0;
  const contacts = await contactsOf(
    tx,
    batch.map((r) => r.userId),
  );
  // A newsletter's consent is read again now: whoever unsubscribed since the draw is not written to.
  const consenting =
    message.kind === 'newsletter'
      ? await stillConsenting(
          tx,
          batch.map((r) => r.applicationId),
          'newsletter',
        )
      : undefined;
  const isReachable = (r: (typeof batch)[number]) =>
    contacts.has(r.userId) && (!consenting || consenting.has(r.applicationId));
  const reachable = batch.filter(isReachable);
  await dropRecipients(
    tx,
    batch.filter((r) => !isReachable(r)).map((r) => r.id),
  );
  const mails = reachable.map((r) => mailFor(ctx, message, r.id, contacts.get(r.userId)!));
  const ids = await queueMails(tx, ctx, mails);
  await markHandedOver(
    tx,
    reachable.map((r, i) => ({ id: r.id, mailId: ids[i]! })),
  );
  return batch.length;
}

/**
 * One recipient's mail, in their language: the message, the sender and its mailing address (CASL);
 * a newsletter also carries its unsubscribe link and RFC 8058's one-click headers.
 */
function mailFor(
  ctx: Ctx,
  message: MessageRow,
  recipientId: string,
  contact: { email: string; locale: 'fr' | 'en' },
): MailRequest {
  const { config } = ctx.services;
  const fr = contact.locale === 'fr';
  const params = {
    subject: fr ? message.subjectFr : message.subjectEn,
    body: fr ? message.bodyFr : message.bodyEn,
    sender: config.outreachSender.name,
    address: config.outreachSender.mailingAddress,
    email: config.contacts.programEmail,
  };
  if (message.kind === 'transactional')
    return { to: contact.email, locale: contact.locale, template: 'outreach:mail.transactional', params };
  const url = unsubscribeUrl(config, recipientId);
  return {
    to: contact.email,
    locale: contact.locale,
    template: 'outreach:mail.newsletter',
    params: { ...params, unsubscribeUrl: url },
    headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
