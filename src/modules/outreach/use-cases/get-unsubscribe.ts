import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { recipientOfLink } from './recipient-of-link.ts';

/** What the unsubscribe page shows (GET: it changes nothing, since mail scanners follow links). */
export async function getUnsubscribe(ctx: Ctx, token: string) {
  authorize(ctx.actor, 'message.unsubscribe');
  const { recipient, contact } = await recipientOfLink(ctx, token);
  return { locale: contact.locale, unsubscribed: recipient.unsubscribedAt !== null };
}
