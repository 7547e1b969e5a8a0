import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { closeSessionsOf } from '../db/session-store.ts';
import { users } from '../db/tables.ts';
import { otherActiveAdmins } from './change-user-role.ts';

export const setUserActiveInput = z.strictObject({ active: z.boolean() });

/**
 * Deactivates (signs out everywhere, tokens stop working) or reactivates an account (administrators).
 * A deactivated account's sessions stay until they expire, dead (no request passes with them), so that
 * whoever holds one is told the account was deactivated rather than to sign in again (field mode wipes
 * the device then); reactivating ends them, so that none comes back to life.
 */
export async function setUserActive(ctx: Ctx, userId: string, input: unknown): Promise<void> {
  if (!UUID_PATTERN.test(userId)) throw new AppError('not_found');
  authorize(ctx.actor, 'user.set_active', { userId });
  const { active } = parseInput(setUserActiveInput, input, 'identity');
  if (!active && ctx.actor.kind === 'user' && ctx.actor.id === userId) {
    throw new AppError('conflict', { key: 'identity:errors.deactivate_self' });
  }
  await transaction(ctx, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new AppError('not_found');
    if (user.active === active) return;
    if (!active && user.role === 'admin' && (await otherActiveAdmins(tx, userId)) === 0) {
      throw new AppError('conflict', { key: 'identity:errors.last_admin' });
    }
    await tx.update(users).set({ active, updatedAt: ctx.now() }).where(eq(users.id, userId));
    if (active) await closeSessionsOf(tx, userId);
    await appendAudit(tx, ctx, {
      action: active ? 'user.reactivated' : 'user.deactivated',
      entityType: 'user',
      entityId: userId,
    });
  });
}
