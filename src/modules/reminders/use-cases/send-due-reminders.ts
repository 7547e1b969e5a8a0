import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { activeAccount } from '../../identity/index.ts';
import { recordReminderSent } from '../../intake/index.ts';
import { OCCASIONS, type Occasion } from '../db/occasions.ts';
import {
  allProgramSettings,
  claimDelivery,
  deliveredKeys,
  deliveryKey,
  optedOutAmong,
} from '../db/queries.ts';
import { REMINDER_RULES } from '../domain/kinds.ts';
import { stopLink } from './stop-link.ts';

/**
 * Sends the reminders that have come due, each once (run by the job queue every hour): per program and
 * kind turned on, the occasions due now, less those already reminded and those the person stopped. Each
 * is claimed in the transaction that queues its e-mail, records it in the file's history and audits it,
 * so two sweeps at once, or one after a crash, never send it twice. Returns how many were sent.
 */
export async function sendDueReminders(ctx: Ctx): Promise<number> {
  authorize(ctx.actor, 'reminder.send');
  const now = ctx.now();
  let sent = 0;
  for (const { programId, settings } of await allProgramSettings(ctx.db)) {
    for (const { kind, enabled, days } of settings) {
      if (!enabled) continue;
      const due = await OCCASIONS[kind](ctx.db, { programId, days, now });
      const [done, stopped] = await Promise.all([
        deliveredKeys(
          ctx.db,
          kind,
          due.map((o) => o.subjectId),
        ),
        REMINDER_RULES[kind].stoppable
          ? optedOutAmong(
              ctx.db,
              due.map((o) => o.userId),
            )
          : new Set<string>(),
      ]);
      for (const occasion of due) {
        if (done.has(deliveryKey(occasion)) || stopped.has(occasion.userId)) continue;
        if (await remind(ctx, occasion)) sent++;
      }
    }
  }
  return sent;
}

async function remind(ctx: Ctx, occasion: Occasion): Promise<boolean> {
  return transaction(ctx, async (tx) => {
    // A deactivated account is not written to; its occasion stays unclaimed should it come back.
    const person = await activeAccount(tx, occasion.userId);
    if (!person || !(await claimDelivery(tx, occasion, ctx.now()))) return false;
    const { publicUrl } = ctx.services.config;
    await queueMail(tx, ctx, {
      to: person.email,
      locale: person.locale,
      template: `reminders:mail.${occasion.kind}.${occasion.recipient}`,
      params: {
        name: person.name,
        ...occasion.params(translatorFor(ctx.services.i18n, person.locale), person.locale),
        stopUrl: stopLink(ctx.services.config, occasion.userId),
      },
      actionUrl: `${publicUrl}${occasion.path}`,
    });
    await recordReminderSent(tx, ctx, occasion.applicationId, occasion.kind);
    await appendAudit(tx, ctx, {
      action: 'reminder.sent',
      entityType: 'application',
      entityId: occasion.applicationId,
      changes: {
        kind: occasion.kind,
        subjectId: occasion.subjectId,
        occasion: occasion.occasionKey,
        recipient: occasion.recipient,
      },
    });
    return true;
  });
}
