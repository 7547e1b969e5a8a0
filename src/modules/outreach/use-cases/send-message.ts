import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { findMessage } from '../db/messages.ts';
import { outreachMessages } from '../db/tables.ts';
import { DELIVER_MESSAGE_JOB } from './deliver-message.ts';
import { messageInput } from './message-input.ts';
import { messageView } from './message-view.ts';

/**
 * Writes a message to a segment and sends it: the message is kept and its sending queued in one
 * transaction; a job draws its recipients and hands their mails to the outbox in batches, so the
 * request returns at once whatever the segment's size.
 */
export async function sendMessage(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'message.send');
  const actor = signedInActor(ctx.actor);
  const m = parseInput(messageInput, input, 'outreach');
  await getProgram(ctx, m.programId);
  const id = newId();
  await transaction(ctx, async (tx) => {
    await tx.insert(outreachMessages).values({
      id,
      programId: m.programId,
      kind: m.kind,
      subjectFr: m.subject.fr,
      subjectEn: m.subject.en,
      bodyFr: m.body.fr,
      bodyEn: m.body.en,
      segment: m.segment,
      createdBy: actor.id,
      createdAt: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'message.sent',
      entityType: 'outreach_message',
      entityId: id,
      changes: { programId: m.programId, kind: m.kind, segment: m.segment, subject: m.subject.fr },
    });
    await ctx.services.jobs.enqueue(tx, DELIVER_MESSAGE_JOB, { messageId: id });
  });
  return messageView(ctx.db, (await findMessage(ctx.db, id))!);
}
