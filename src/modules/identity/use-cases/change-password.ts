import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { hashPassword, verifyPassword } from '../../../platform/auth/crypto.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { fieldError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findUserById } from '../db/queries.ts';
import { closeSessionsOf } from '../db/session-store.ts';
import { users } from '../db/tables.ts';
import { newPasswordField, passwordField } from '../domain/fields.ts';

export const changePasswordInput = z.strictObject({
  currentPassword: passwordField,
  newPassword: newPasswordField,
});

/** Changes one's own password after checking the current one; other sessions are signed out. */
export async function changePassword(ctx: Ctx, input: unknown): Promise<void> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'account.update', { userId: actor.id });
  const { currentPassword, newPassword } = parseInput(changePasswordInput, input, 'identity');
  const user = await findUserById(ctx.db, actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw fieldError('currentPassword', 'identity:validation.current_password_wrong');
  }
  const passwordHash = await hashPassword(newPassword);
  await transaction(ctx, async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: ctx.now() }).where(eq(users.id, actor.id));
    await closeSessionsOf(tx, actor.id, actor.sessionId);
    await appendAudit(tx, ctx, {
      action: 'account.password_changed',
      entityType: 'user',
      entityId: actor.id,
    });
  });
}
