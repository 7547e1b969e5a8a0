import { eq } from 'drizzle-orm';
import { digest } from '../../../platform/auth/crypto.ts';
import type { Actor } from '../../../platform/authorization.ts';
import { ANONYMOUS } from '../../../platform/authorization.ts';
import type { Services } from '../../../platform/context.ts';
import { findLiveSession, findLiveToken } from '../db/queries.ts';
import { apiTokens, sessions } from '../db/tables.ts';
import { requiresSecondFactor, TOUCH_INTERVAL_MS } from '../domain/sessions.ts';

export type Credentials = { sessionToken?: string; bearerToken?: string };

/** Someone whose session or token is a deactivated account's: nobody, but they are told why. */
const DEACTIVATED: Actor = { kind: 'anonymous', deactivated: true };

/**
 * Who is calling, from a session cookie token or an API token. Runs before authorization on every
 * request, so it is one indexed query; "last seen" is written at most every few minutes.
 */
export async function resolveActor(services: Services, credentials: Credentials): Promise<Actor> {
  const { db } = services.database;
  const now = services.now();
  if (credentials.bearerToken) {
    const found = await findLiveToken(db, digest(credentials.bearerToken));
    if (!found) return ANONYMOUS;
    if (!found.user.active) return DEACTIVATED;
    if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, found.tokenId));
    }
    const { totpEnabledAt: _, active: __, ...user } = found.user;
    return { kind: 'user', ...user, ...designation(services, user), secondFactor: true, via: 'token' };
  }
  if (credentials.sessionToken) {
    const found = await findLiveSession(db, digest(credentials.sessionToken), now);
    if (!found) return ANONYMOUS;
    if (!found.user.active) return DEACTIVATED;
    if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, found.sessionId));
    }
    const { totpEnabledAt, active: _, ...user } = found.user;
    return {
      kind: 'user',
      ...user,
      ...designation(services, user),
      secondFactor:
        found.secondFactorAt !== null || !requiresSecondFactor({ role: user.role, totpEnabledAt }),
      via: 'session',
      sessionId: found.sessionId,
    };
  }
  return ANONYMOUS;
}

/** An administrator the configuration names privacy officer acts as one too (decision 33). */
function designation(services: Services, user: { role: string; email: string }) {
  return user.role === 'admin' && services.config.privacyOfficerAdmins.includes(user.email.toLowerCase())
    ? { privacyOfficer: true }
    : {};
}
