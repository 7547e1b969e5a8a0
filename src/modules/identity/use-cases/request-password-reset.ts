import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { digest, randomToken } from '../../../platform/auth/crypto.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findUserByEmail } from '../db/queries.ts';
import { passwordResets } from '../db/tables.ts';
import { assertNotThrottled, recordFailures, throttleKeys } from '../db/throttle-store.ts';
import { emailField } from '../domain/fields.ts';
import { PASSWORD_RESET_LIFETIME_SECONDS } from '../domain/sessions.ts';
import { THROTTLE_RULES } from '../domain/throttle.ts';

export const requestPasswordResetInput = z.strictObject({ email: emailField });

/**
 * Sends a reset link if the address belongs to an active account. The answer is the same either
 * way, so the form cannot be used to find out who has an account; requests are throttled.
 */
export async function requestPasswordReset(ctx: Ctx, input: unknown): Promise<void> {
  authorize(ctx.actor, 'password_reset.request');
  const { email } = parseInput(requestPasswordResetInput, input, 'identity');
  const now = ctx.now();
  const keys = [
    { key: throttleKeys.resetAccount(email), rule: THROTTLE_RULES.resetAccount },
    ...(ctx.ip ? [{ key: throttleKeys.resetAddress(ctx.ip), rule: THROTTLE_RULES.resetAddress }] : []),
  ];
  await assertNotThrottled(ctx.db, keys, now);
  const user = await findUserByEmail(ctx.db, email);
  await transaction(ctx, async (tx) => {
    // Every request counts towards the limit, found or not.
    await recordFailures(tx, keys, now);
    await appendAudit(tx, ctx, {
      action: 'auth.password_reset_requested',
      entityType: 'user',
      entityId: user?.id,
      changes: { email, accountFound: Boolean(user?.active) },
    });
    if (!user?.active) return;
    const token = randomToken();
    await tx.insert(passwordResets).values({
      id: newId(),
      userId: user.id,
      tokenHash: digest(token),
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_LIFETIME_SECONDS * 1000),
      createdAt: now,
    });
    await queueMail(tx, ctx, {
      to: user.email,
      locale: user.locale,
      template: 'identity:mail.password_reset',
      params: { name: user.name, minutes: PASSWORD_RESET_LIFETIME_SECONDS / 60 },
      actionUrl: `${ctx.services.config.publicUrl}/password/reset/${token}`,
    });
  });
}
