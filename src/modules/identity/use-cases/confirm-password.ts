import { appendAudit } from '../../../platform/audit/append.ts';
import { verifyPassword } from '../../../platform/auth/crypto.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { fieldError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findUserById } from '../db/queries.ts';
import { assertNotThrottled, recordFailures, throttleKeys } from '../db/throttle-store.ts';
import { THROTTLE_RULES } from '../domain/throttle.ts';

/**
 * Re-authentication for a sensitive change (bank details): the signed-in person gives their password
 * again within the request. Failures count against the same throttle as signing in, so this is no
 * side door for guessing a password; a wrong one is an error on the `field` that carried it.
 */
export async function confirmPassword(ctx: Ctx, password: string, field = 'password'): Promise<void> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'account.update', { userId: actor.id });
  const keys = [{ key: throttleKeys.signInAccount(actor.email), rule: THROTTLE_RULES.signInAccount }];
  await assertNotThrottled(ctx.db, keys, ctx.now());
  const user = await findUserById(ctx.db, actor.id);
  if (user && (await verifyPassword(user.passwordHash, password))) return;
  await transaction(ctx, async (tx) => {
    await recordFailures(tx, keys, ctx.now());
    await appendAudit(tx, ctx, {
      action: 'auth.reauthentication_failed',
      entityType: 'user',
      entityId: actor.id,
    });
  });
  throw fieldError(field, 'identity:validation.current_password_wrong');
}
