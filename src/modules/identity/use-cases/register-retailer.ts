import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { hashPassword } from '../../../platform/auth/crypto.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { sendVerificationLink } from '../db/email-links.ts';
import { insertUser } from '../db/insert-user.ts';
import { findUserByEmail } from '../db/queries.ts';
import { assertNotThrottled, recordFailures, throttleKeys } from '../db/throttle-store.ts';
import { emailField, localeField, newPasswordField, personNameField } from '../domain/fields.ts';
import { THROTTLE_RULES } from '../domain/throttle.ts';

// In the order of the form, which is the order of the error summary.
export const registerRetailerInput = z.strictObject({
  name: personNameField,
  email: emailField,
  password: newPasswordField,
  locale: localeField.default('fr'),
  /** Where to continue once the address is confirmed: the application form, with the pre-check's answers. */
  next: z
    .string()
    .max(2000)
    .regex(/^\/apply(\?[\w%.+&=-]*)?$/, 'identity:validation.next_invalid')
    .optional(),
});

const SIGN_UP_MIN_MILLISECONDS = 400;

/**
 * A retailer creates their own account to apply, and is sent a link to confirm their address; they
 * sign in once it is confirmed. The answer is the same whether the address already has an account or
 * not, so the form cannot be used to find out who has one: the owner of an existing address is e-mailed
 * instead, with links to sign in and to choose a new password. Sign-ups are throttled per address and
 * per client.
 */
export async function registerRetailer(ctx: Ctx, input: unknown): Promise<{ email: string }> {
  authorize(ctx.actor, 'account.register');
  const data = parseInput(registerRetailerInput, input, 'identity');
  const started = performance.now();
  const now = ctx.now();
  const keys = [
    { key: throttleKeys.registerAccount(data.email), rule: THROTTLE_RULES.registerAccount },
    ...(ctx.ip ? [{ key: throttleKeys.registerClient(ctx.ip), rule: THROTTLE_RULES.registerClient }] : []),
  ];
  await assertNotThrottled(ctx.db, keys, now);
  // Hashed either way: an existing address must not answer sooner.
  const passwordHash = await hashPassword(data.password);
  const existing = await findUserByEmail(ctx.db, data.email);
  await transaction(ctx, async (tx) => {
    await recordFailures(tx, keys, now); // every sign-up counts towards the limits
    if (existing) {
      await appendAudit(tx, ctx, {
        action: 'account.registration_attempted',
        entityType: 'user',
        entityId: existing.id,
        changes: { email: existing.email },
      });
      if (!existing.active) return;
      const publicUrl = ctx.services.config.publicUrl;
      await queueMail(tx, ctx, {
        to: existing.email,
        locale: existing.locale,
        template: 'identity:mail.registration_attempt',
        params: { name: existing.name, resetUrl: `${publicUrl}/password/forgot` },
        actionUrl: `${publicUrl}/sign-in`,
      });
      return;
    }
    const user = {
      id: newId(),
      email: data.email,
      name: data.name,
      role: 'retailer' as const,
      locale: data.locale,
    };
    await insertUser(tx, { ...user, passwordHash, createdAt: now, updatedAt: now });
    await sendVerificationLink(tx, ctx, user, data.next);
    await appendAudit(tx, ctx, {
      action: 'account.registered',
      entityType: 'user',
      entityId: user.id,
      changes: { email: user.email },
      as: user,
    });
  });
  // A new account costs a few more writes than a known address, which would tell them apart: both
  // answer no sooner than this (the password hash, most of the work, is done in both).
  await sleep(Math.max(0, SIGN_UP_MIN_MILLISECONDS - (performance.now() - started)));
  return { email: data.email };
}
