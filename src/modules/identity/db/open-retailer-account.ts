import type { Locale } from '../../../kernel/locale.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { insertUser } from './insert-user.ts';
import { openSession } from './session-store.ts';

/**
 * A retailer's account opened from a single-use link that reached this address (a paper applicant
 * claiming their application, in the intake module's transaction): its address is verified by the
 * link, and the person is signed in. The password is hashed before the transaction (it is slow).
 */
export async function openRetailerAccount(
  tx: Executor,
  ctx: Ctx,
  account: { email: string; name: string; passwordHash: string; locale: Locale },
): Promise<{ userId: string; sessionToken: string; expiresAt: Date }> {
  const now = ctx.now();
  const user = {
    id: newId(),
    ...account,
    role: 'retailer' as const,
    lastSignInAt: now,
    emailVerifiedAt: now,
    createdAt: now,
    updatedAt: now,
  };
  await insertUser(tx, user);
  const session = await openSession(tx, user, { now, ip: ctx.ip, userAgent: ctx.userAgent });
  await appendAudit(tx, ctx, {
    action: 'user.opened_from_link',
    entityType: 'user',
    entityId: user.id,
    changes: { email: user.email, role: user.role },
    as: user,
  });
  return { userId: user.id, sessionToken: session.token, expiresAt: session.expiresAt };
}
