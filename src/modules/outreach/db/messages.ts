import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { type Executor, selectRows, type Tx } from '../../../platform/db/client.ts';
import { mailOutbox } from '../../../platform/mail/table.ts';
import type { MessageKind, Segment } from '../domain/messages.ts';
import { segmentPeople } from './segment.ts';
import { outreachMessages, outreachRecipients } from './tables.ts';

export type MessageRow = typeof outreachMessages.$inferSelect;

/** The segment's size for a kind: who would receive it, and who is left out for lack of consent. */
export async function audienceCounts(
  db: Executor,
  audience: { programId: string; kind: MessageKind; segment: Segment },
  asOf: Date,
): Promise<{ recipients: number; withoutConsent: number }> {
  const [row] = await selectRows<{ people: number; consenting: number }>(
    db,
    sql`select count(*)::int as people, count(*) filter (where p.consented)::int as consenting
      from (${segmentPeople(audience.programId, audience.segment, asOf)}) p`,
  );
  const people = Number(row?.people ?? 0);
  const consenting = Number(row?.consenting ?? 0);
  return audience.kind === 'newsletter'
    ? { recipients: consenting, withoutConsent: people - consenting }
    : { recipients: people, withoutConsent: 0 };
}

/**
 * Draws the message's recipients in one statement (a newsletter: only those who consent now), then
 * marks it sending with their number. Drawing twice adds nobody twice (the unique pair).
 */
export async function drawRecipients(tx: Tx, message: MessageRow, asOf: Date): Promise<number> {
  const consentOnly = message.kind === 'newsletter' ? sql`where p.consented` : sql``;
  await tx.execute(sql`insert into ${outreachRecipients} (id, message_id, user_id, application_id)
    select gen_random_uuid(), ${message.id}::uuid, p.user_id, p.application_id
    from (${segmentPeople(message.programId, message.segment, asOf)}) p ${consentOnly}
    on conflict (message_id, user_id) do nothing`);
  const [drawn] = await selectRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${outreachRecipients} where ${outreachRecipients.messageId} = ${message.id}`,
  );
  const recipients = Number(drawn?.n ?? 0);
  await tx
    .update(outreachMessages)
    .set({ status: 'sending', recipients })
    .where(eq(outreachMessages.id, message.id));
  return recipients;
}

/** The next recipients whose mail is not yet in the outbox, in a stable order. */
export function pendingRecipients(tx: Executor, messageId: string, size: number) {
  return tx
    .select({
      id: outreachRecipients.id,
      userId: outreachRecipients.userId,
      applicationId: outreachRecipients.applicationId,
    })
    .from(outreachRecipients)
    .where(and(eq(outreachRecipients.messageId, messageId), isNull(outreachRecipients.mailId)))
    .orderBy(outreachRecipients.id)
    .limit(size);
}

/** Records which outbox message went to which recipient, in one statement. */
export async function markHandedOver(tx: Tx, pairs: { id: string; mailId: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  await tx.execute(sql`update ${outreachRecipients} r set mail_id = h.mail_id
    from json_to_recordset(${JSON.stringify(pairs.map((p) => ({ id: p.id, mail_id: p.mailId })))}::json)
      as h(id uuid, mail_id uuid)
    where r.id = h.id and r.mail_id is null`);
}

/**
 * Recipients who can no longer be written to (their account closed since, or a newsletter's consent
 * withdrawn since it was drawn): not recipients after all.
 */
export async function dropRecipients(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(
    sql`delete from ${outreachRecipients} where id = any(${`{${ids.join(',')}}`}::uuid[]) and mail_id is null`,
  );
}

export type Progress = {
  recipients: number;
  queued: number;
  sent: number;
  failed: number;
  unsubscribed: number;
};

/** A message's progress: its outbox mails by status, and the unsubscribes through its links. */
export async function progressOf(db: Executor, messageIds: string[]): Promise<Map<string, Progress>> {
  if (messageIds.length === 0) return new Map();
  const rows = await selectRows<{
    message_id: string;
    recipients: number;
    queued: number;
    sent: number;
    failed: number;
    unsubscribed: number;
  }>(
    db,
    sql`select r.message_id, count(*)::int as recipients, count(r.mail_id)::int as queued,
        count(*) filter (where o.status = 'sent')::int as sent,
        count(*) filter (where o.status = 'failed')::int as failed,
        count(r.unsubscribed_at)::int as unsubscribed
      from ${outreachRecipients} r left join ${mailOutbox} o on o.id = r.mail_id
      where r.message_id = any(${`{${messageIds.join(',')}}`}::uuid[])
      group by r.message_id`,
  );
  return new Map(
    rows.map((r) => [
      r.message_id,
      {
        recipients: Number(r.recipients),
        queued: Number(r.queued),
        sent: Number(r.sent),
        failed: Number(r.failed),
        unsubscribed: Number(r.unsubscribed),
      },
    ]),
  );
}

export async function findMessage(db: Executor, id: string): Promise<MessageRow | undefined> {
  const [row] = await db.select().from(outreachMessages).where(eq(outreachMessages.id, id));
  return row;
}

/** A program's messages, newest first, after the cursor's `(createdAt, id)`. */
export function programMessages(
  db: Executor,
  q: { programId: string; after?: { at: Date; id: string }; take: number },
) {
  const after = q.after
    ? or(
        lt(outreachMessages.createdAt, q.after.at),
        and(eq(outreachMessages.createdAt, q.after.at), lt(outreachMessages.id, q.after.id)),
      )
    : undefined;
  return db
    .select()
    .from(outreachMessages)
    .where(and(eq(outreachMessages.programId, q.programId), after))
    .orderBy(desc(outreachMessages.createdAt), desc(outreachMessages.id))
    .limit(q.take);
}

/** The recipient a link was made for, with the message's kind. */
export async function findRecipient(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: outreachRecipients.id,
      userId: outreachRecipients.userId,
      messageId: outreachRecipients.messageId,
      unsubscribedAt: outreachRecipients.unsubscribedAt,
      kind: outreachMessages.kind,
    })
    .from(outreachRecipients)
    .innerJoin(outreachMessages, eq(outreachMessages.id, outreachRecipients.messageId))
    .where(eq(outreachRecipients.id, id));
  return row;
}
