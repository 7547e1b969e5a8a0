import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { digest } from '../../../platform/auth/crypto.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { emailVerifications, users } from '../db/tables.ts';

/** Confirms the address from the link sent at registration (once, within its lifetime). */
export const verifyEmailInput = z.strictObject({ token: z.string().min(1).max(200) });

export async function verifyEmail(ctx: Ctx, input: unknown): Promise<void> {
  authorize(ctx.actor, 'account.verify_email');
  const { token } = parseInput(verifyEmailInput, input, 'identity');
  const now = ctx.now();
  await transaction(ctx, async (tx) => {
    const [link] = await tx
      .update(emailVerifications)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailVerifications.tokenHash, digest(token)),
          isNull(emailVerifications.usedAt),
          gt(emailVerifications.expiresAt, now),
        ),
      )
      .returning({ userId: emailVerifications.userId });
    if (!link) throw new AppError('not_found', { key: 'identity:errors.verification_link_invalid' });
    await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, link.userId));
    await appendAudit(tx, ctx, {
      action: 'account.email_verified',
      entityType: 'user',
      entityId: link.userId,
    });
  });
}
