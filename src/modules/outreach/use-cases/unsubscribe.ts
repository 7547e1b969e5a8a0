import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { withdrawConsentOfPerson } from '../../intake/index.ts';
import { outreachRecipients } from '../db/tables.ts';
import { recipientOfLink } from './recipient-of-link.ts';

/**
 * Unsubscribes the person from the newsletter, at once and without sign-in (the link's token is the
 * credential; RFC 8058 one-click or the page's button): their newsletter consent is withdrawn for
 * every business of theirs, recorded in the consent ledger and audited. Idempotent.
 */
export async function unsubscribe(ctx: Ctx, token: string) {
  authorize(ctx.actor, 'message.unsubscribe');
  const { recipient, contact } = await recipientOfLink(ctx, token);
  return transaction(ctx, async (tx) => {
    const person = { id: recipient.userId, role: contact.role, email: contact.email };
    const withdrawn = await withdrawConsentOfPerson(tx, ctx, person, 'newsletter');
    if (recipient.unsubscribedAt === null) {
      await tx
        .update(outreachRecipients)
        .set({ unsubscribedAt: ctx.now() })
        .where(eq(outreachRecipients.id, recipient.id));
      await appendAudit(tx, ctx, {
        action: 'message.unsubscribed',
        entityType: 'outreach_message',
        entityId: recipient.messageId,
        changes: { businesses: withdrawn.length },
        as: person,
      });
    }
    return { locale: contact.locale, unsubscribed: true };
  });
}
