import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { hashPassword } from '../../../platform/auth/crypto.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { sendVerificationLink } from '../db/email-links.ts';
import { insertUser } from '../db/insert-user.ts';
import { openSession } from '../db/session-store.ts';
import { emailField, localeField, newPasswordField, personNameField } from '../domain/fields.ts';

// In the order of the form, which is the order of the error summary.
export const registerRetailerInput = z.strictObject({
  name: personNameField,
  email: emailField,
  password: newPasswordField,
  locale: localeField.default('fr'),
});

/**
 * A retailer creates their own account to apply; they are signed in at once and sent a link to
 * confirm their address (needed before submitting an application).
 */
export async function registerRetailer(
  ctx: Ctx,
  input: unknown,
): Promise<{ userId: string; sessionToken: string; expiresAt: Date }> {
  authorize(ctx.actor, 'account.register');
  const data = parseInput(registerRetailerInput, input);
  const passwordHash = await hashPassword(data.password);
  const now = ctx.now();
  return transaction(ctx, async (tx) => {
    const user = {
      id: newId(),
      email: data.email,
      name: data.name,
      role: 'retailer' as const,
      locale: data.locale,
    };
    await insertUser(tx, { ...user, passwordHash, lastSignInAt: now, createdAt: now, updatedAt: now });
    await sendVerificationLink(tx, ctx, user);
    const session = await openSession(tx, user, { now, ip: ctx.ip, userAgent: ctx.userAgent });
    await appendAudit(tx, ctx, {
      action: 'account.registered',
      entityType: 'user',
      entityId: user.id,
      changes: { email: user.email },
      as: user,
    });
    return { userId: user.id, sessionToken: session.token, expiresAt: session.expiresAt };
  });
}
