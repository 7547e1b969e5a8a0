import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { users } from '../db/tables.ts';
import { roleField } from '../domain/fields.ts';

export const changeUserRoleInput = z.strictObject({ role: roleField });

/**
 * Other active administrators than this user: the program must never be left without one. The rows
 * are locked, so two administrators removing each other at the same moment cannot both succeed.
 */
export async function otherActiveAdmins(tx: Executor, userId: string): Promise<number> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId)))
    .for('update');
  return admins.length;
}

/** Gives an account another role (administrators); the last active administrator keeps theirs. */
export async function changeUserRole(ctx: Ctx, userId: string, input: unknown): Promise<void> {
  if (!UUID_PATTERN.test(userId)) throw new AppError('not_found');
  authorize(ctx.actor, 'user.change_role', { userId });
  const { role } = parseInput(changeUserRoleInput, input, 'identity');
  await transaction(ctx, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new AppError('not_found');
    if (user.role === role) return;
    if (user.role === 'admin' && (await otherActiveAdmins(tx, userId)) === 0) {
      throw new AppError('conflict', { key: 'identity:errors.last_admin' });
    }
    await tx.update(users).set({ role, updatedAt: ctx.now() }).where(eq(users.id, userId));
    await appendAudit(tx, ctx, {
      action: 'user.role_changed',
      entityType: 'user',
      entityId: userId,
      changes: { role: [user.role, role] },
    });
  });
}
