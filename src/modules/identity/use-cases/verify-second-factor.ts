import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { unseal } from '../../../platform/auth/crypto.ts';
import { verifyTotp } from '../../../platform/auth/totp.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findUserById } from '../db/queries.ts';
import { consumeRecoveryCode } from '../db/recovery-codes.ts';
import { sessions, users } from '../db/tables.ts';
import { assertNotThrottled, clearThrottle, recordFailures, throttleKeys } from '../db/throttle-store.ts';
import { secondFactorCodeField } from '../domain/fields.ts';
import { THROTTLE_RULES } from '../domain/throttle.ts';

export const verifySecondFactorInput = z.strictObject({ code: secondFactorCodeField });

/** Completes sign-in with an authenticator code or a recovery code (each usable once). */
export async function verifySecondFactor(ctx: Ctx, input: unknown): Promise<{ usedRecoveryCode: boolean }> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'account.second_factor', { userId: actor.id });
  const { code } = parseInput(verifySecondFactorInput, input, 'identity');
  if (!actor.sessionId) throw new AppError('bad_request');
  const user = await findUserById(ctx.db, actor.id);
  if (!user?.totpEnabledAt || !user.totpSecret) {
    throw new AppError('conflict', { key: 'identity:errors.totp_not_started' });
  }
  const now = ctx.now();
  const keys = [{ key: throttleKeys.secondFactor(user.id), rule: THROTTLE_RULES.secondFactor }];
  await assertNotThrottled(ctx.db, keys, now);

  const verified = await transaction(ctx, async (tx) => {
    const result = await consumeCode(tx, code);
    if (result) {
      await clearThrottle(tx, throttleKeys.secondFactor(user.id));
      await tx.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.id, actor.sessionId!));
    } else {
      await recordFailures(tx, keys, now);
    }
    await appendAudit(tx, ctx, {
      action: !result
        ? 'auth.second_factor_failed'
        : result.usedRecoveryCode
          ? 'auth.recovery_code_used'
          : 'auth.second_factor_verified',
      entityType: 'user',
      entityId: user.id,
    });
    return result;
  });

  async function consumeCode(tx: Tx, given: string) {
    const digits = given.replace(/\s/g, '');
    if (/^\d{6}$/.test(digits)) {
      const step = verifyTotp(unseal(user!.totpSecret!, ctx.services.config.sessionSecret), digits, now);
      if (step === undefined) return undefined;
      // Each time step is accepted once: a code seen over someone's shoulder cannot be replayed.
      const claimed = await tx
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, user!.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .returning({ id: users.id });
      return claimed.length > 0 ? { usedRecoveryCode: false } : undefined;
    }
    return (await consumeRecoveryCode(tx, user!.id, given, now)) ? { usedRecoveryCode: true } : undefined;
  }

  if (!verified)
    throw new AppError('invalid_input', {
      fields: [{ path: 'code', key: 'identity:validation.totp_wrong' }],
    });
  return verified;
}
