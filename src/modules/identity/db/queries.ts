import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { apiTokens, sessions, users } from './tables.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

const actorColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  totpEnabledAt: users.totpEnabledAt,
};

/** The live session with this id and its active user, in one query (it runs on every request). */
export async function findLiveSession(db: Executor, sessionId: string, now: Date) {
  const [row] = await db
    .select({
      user: actorColumns,
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      secondFactorAt: sessions.secondFactorAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now), eq(users.active, true)));
  return row;
}

/** The unrevoked token with this digest and its active user. */
export async function findLiveToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ user: actorColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(users.active, true)));
  return row;
}

/** Where and in which language to write to someone (for other modules' mail). */
export async function contactOf(db: Executor, userId: string) {
  const [row] = await db
    .select({ email: users.email, name: users.name, locale: users.locale, role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/** Active accounts with one of these roles (e.g. to tell every coordinator). */
export async function activeUsersWithRole(db: Executor, roles: string[]) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(inArray(users.role, roles as never[]), eq(users.active, true)));
}
