import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { sendVerificationLink } from '../db/email-links.ts';
import { findUserById } from '../db/queries.ts';
import { assertNotThrottled, recordFailures, throttleKeys } from '../db/throttle-store.ts';
import { THROTTLE_RULES } from '../domain/throttle.ts';

/** Sends a new confirmation link to one's own address (earlier links keep working until they expire). */
export async function resendEmailVerification(ctx: Ctx): Promise<void> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'account.update', { userId: actor.id });
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new AppError('not_found');
  if (user.emailVerifiedAt) throw new AppError('conflict', { key: 'identity:errors.email_already_verified' });
  const keys = [{ key: throttleKeys.verificationMail(user.id), rule: THROTTLE_RULES.resetAccount }];
  await assertNotThrottled(ctx.db, keys, ctx.now());
  await transaction(ctx, async (tx) => {
    await recordFailures(tx, keys, ctx.now()); // every request counts towards the limit
    await sendVerificationLink(tx, ctx, user);
  });
}
