import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { digest, hashPassword } from '../../../platform/auth/crypto.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { closeSessionsOf } from '../db/session-store.ts';
import { passwordResets, users } from '../db/tables.ts';
import { newPasswordField } from '../domain/fields.ts';

export const resetPasswordInput = z.strictObject({
  token: z.string().min(10).max(200),
  password: newPasswordField,
});

/** Sets a new password from a reset link (once, within the hour) and signs the account out everywhere. */
export async function resetPassword(ctx: Ctx, input: unknown): Promise<void> {
  authorize(ctx.actor, 'password_reset.complete');
  const { token, password } = parseInput(resetPasswordInput, input, 'identity');
  const now = ctx.now();
  const passwordHash = await hashPassword(password);
  await transaction(ctx, async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.tokenHash, digest(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!reset) throw new AppError('not_found', { key: 'identity:errors.reset_link_invalid' });
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, reset.userId));
    await closeSessionsOf(tx, reset.userId);
    await appendAudit(tx, ctx, { action: 'auth.password_reset', entityType: 'user', entityId: reset.userId });
  });
}
