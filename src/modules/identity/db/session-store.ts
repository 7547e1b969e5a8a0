import { and, eq, ne } from 'drizzle-orm';
import type { Role } from '../../../kernel/roles.ts';
import { digest, randomToken } from '../../../platform/auth/crypto.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { sessionLifetimeSeconds } from '../domain/sessions.ts';
import { sessions } from './tables.ts';

export type NewSession = { token: string; expiresAt: Date };

/** Opens a session; only the token's digest is stored, the token itself goes into the cookie. */
export async function openSession(
  tx: Executor,
  user: { id: string; role: Role },
  meta: { now: Date; ip?: string; userAgent?: string; secondFactorAt?: Date | null },
): Promise<NewSession> {
  const token = randomToken();
  const expiresAt = new Date(meta.now.getTime() + sessionLifetimeSeconds(user.role) * 1000);
  await tx.insert(sessions).values({
    id: digest(token),
    userId: user.id,
    createdAt: meta.now,
    lastSeenAt: meta.now,
    expiresAt,
    secondFactorAt: meta.secondFactorAt ?? null,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

/** Ends every session of a user, but the one given (after a password change, keep the current one). */
export async function closeSessionsOf(tx: Executor, userId: string, exceptSessionId?: string): Promise<void> {
  await tx
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
        : eq(sessions.userId, userId),
    );
}
