import { digest, randomToken } from '../../../platform/auth/crypto.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { emailVerifications, type users } from './tables.ts';

export const EMAIL_VERIFICATION_LIFETIME_SECONDS = 7 * 24 * 3600;

/** Sends (in `tx`) a link proving the person owns their address. */
export async function sendVerificationLink(
  tx: Executor,
  ctx: Ctx,
  user: Pick<typeof users.$inferSelect, 'id' | 'email' | 'name' | 'locale'>,
  /** The page to continue to after confirming (the application, with what the pre-check answered). */
  next?: string,
) {
  const token = randomToken();
  await tx.insert(emailVerifications).values({
    id: newId(),
    userId: user.id,
    tokenHash: digest(token),
    expiresAt: new Date(ctx.now().getTime() + EMAIL_VERIFICATION_LIFETIME_SECONDS * 1000),
    createdAt: ctx.now(),
  });
  await queueMail(tx, ctx, {
    to: user.email,
    locale: user.locale,
    template: 'identity:mail.verify_email',
    params: { name: user.name, days: EMAIL_VERIFICATION_LIFETIME_SECONDS / 86400 },
    actionUrl: `${ctx.services.config.publicUrl}/account/verify/${token}${next ? `?next=${encodeURIComponent(next)}` : ''}`,
  });
}
