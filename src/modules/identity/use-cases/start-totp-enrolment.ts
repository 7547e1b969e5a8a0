import { eq } from 'drizzle-orm';
import { seal, unseal } from '../../../platform/auth/crypto.ts';
import { newTotpSecret, totpUri } from '../../../platform/auth/totp.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findUserById } from '../db/queries.ts';
import { users } from '../db/tables.ts';

/**
 * The authenticator secret to scan: a new one, or the pending one if enrolment was started but not
 * confirmed (reloading the page must not change the code the person just scanned).
 */
export async function startTotpEnrolment(ctx: Ctx): Promise<{ secret: string; uri: string }> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'account.second_factor', { userId: actor.id });
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new AppError('not_found');
  if (user.totpEnabledAt) throw new AppError('conflict', { key: 'identity:errors.totp_already_enabled' });
  const key = ctx.services.config.sessionSecret;
  let secret = user.totpSecret ? unseal(user.totpSecret, key) : undefined;
  if (!secret) {
    secret = newTotpSecret();
    await ctx.db
      .update(users)
      .set({ totpSecret: seal(secret, key), updatedAt: ctx.now() })
      .where(eq(users.id, user.id));
  }
  return { secret, uri: totpUri(secret, user.email) };
}
