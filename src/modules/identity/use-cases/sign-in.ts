import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { verifyPassword } from '../../../platform/auth/crypto.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findUserByEmail } from '../db/queries.ts';
import { openSession } from '../db/session-store.ts';
import { users } from '../db/tables.ts';
import { assertNotThrottled, clearThrottle, recordFailures, throttleKeys } from '../db/throttle-store.ts';
import { emailField, passwordField } from '../domain/fields.ts';
import { requiresSecondFactor } from '../domain/sessions.ts';
import { THROTTLE_RULES } from '../domain/throttle.ts';

export const signInInput = z.strictObject({ email: emailField, password: passwordField });

export type SignInResult = {
  sessionToken: string;
  expiresAt: Date;
  /** What the person must do next: nothing, give their code, or set up an authenticator first. */
  next: 'done' | 'second_factor' | 'enrol_second_factor';
};

/** Checks e-mail and password; every failure gets the same message, and repeated failures are throttled. */
export async function signIn(ctx: Ctx, input: unknown): Promise<SignInResult> {
  authorize(ctx.actor, 'session.create');
  const { email, password } = parseInput(signInInput, input, 'identity');
  const now = ctx.now();
  const keys = [
    { key: throttleKeys.signInAccount(email), rule: THROTTLE_RULES.signInAccount },
    ...(ctx.ip ? [{ key: throttleKeys.signInAddress(ctx.ip), rule: THROTTLE_RULES.signInAddress }] : []),
  ];
  await assertNotThrottled(ctx.db, keys, now);

  const user = await findUserByEmail(ctx.db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user?.active || !passwordOk) {
    await transaction(ctx, async (tx) => {
      await recordFailures(tx, keys, now);
      await appendAudit(tx, ctx, {
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id,
        changes: { email },
      });
    });
    throw new AppError('unauthenticated', { key: 'identity:errors.wrong_credentials' });
  }

  return transaction(ctx, async (tx) => {
    await clearThrottle(tx, throttleKeys.signInAccount(email));
    const session = await openSession(tx, user, { now, ip: ctx.ip, userAgent: ctx.userAgent });
    await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    await appendAudit(tx, ctx, { action: 'auth.signed_in', entityType: 'user', entityId: user.id, as: user });
    const next = !requiresSecondFactor(user)
      ? 'done'
      : user.totpEnabledAt
        ? 'second_factor'
        : 'enrol_second_factor';
    return { sessionToken: session.token, expiresAt: session.expiresAt, next };
  });
}
