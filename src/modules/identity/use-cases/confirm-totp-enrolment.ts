import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { unseal } from '../../../platform/auth/crypto.ts';
import { verifyTotp } from '../../../platform/auth/totp.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findUserById } from '../db/queries.ts';
import { replaceRecoveryCodes } from '../db/recovery-codes.ts';
import { sessions, users } from '../db/tables.ts';

export const confirmTotpInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'identity:validation.totp_format' }),
});

/** Turns on the second factor once the person proves their authenticator works; returns recovery codes, shown once. */
export async function confirmTotpEnrolment(ctx: Ctx, input: unknown): Promise<{ recoveryCodes: string[] }> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'account.second_factor', { userId: actor.id });
  const { code } = parseInput(confirmTotpInput, input, 'identity');
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new AppError('not_found');
  if (user.totpEnabledAt) throw new AppError('conflict', { key: 'identity:errors.totp_already_enabled' });
  if (!user.totpSecret) throw new AppError('conflict', { key: 'identity:errors.totp_not_started' });
  const now = ctx.now();
  const step = verifyTotp(unseal(user.totpSecret, ctx.services.config.sessionSecret), code, now);
  // Not the sign-in message: recovery codes are only given once enrolment succeeds.
  if (step === undefined) throw fieldError('code', 'identity:validation.totp_enrolment_wrong');

  return transaction(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ totpEnabledAt: now, totpLastStep: step, updatedAt: now })
      .where(eq(users.id, user.id));
    if (actor.sessionId) {
      await tx.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.id, actor.sessionId));
    }
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await appendAudit(tx, ctx, { action: 'auth.totp_enabled', entityType: 'user', entityId: user.id });
    return { recoveryCodes };
  });
}
