import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findUserById } from '../db/queries.ts';
import { replaceRecoveryCodes } from '../db/recovery-codes.ts';

/** Replaces all recovery codes (the old ones stop working); the new ones are shown once. */
export async function regenerateRecoveryCodes(ctx: Ctx): Promise<{ recoveryCodes: string[] }> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'account.update', { userId: actor.id });
  const user = await findUserById(ctx.db, actor.id);
  if (!user?.totpEnabledAt) throw new AppError('conflict', { key: 'identity:errors.totp_not_started' });
  return transaction(ctx, async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await appendAudit(tx, ctx, {
      action: 'auth.recovery_codes_regenerated',
      entityType: 'user',
      entityId: actor.id,
    });
    return { recoveryCodes };
  });
}
