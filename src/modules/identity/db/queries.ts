import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../../../kernel/locale.ts';
import { anyOf } from '../../../platform/db/bulk.ts';
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
  active: users.active,
};

/**
 * The live session with this id and its user, in one query (it runs on every request); the caller
 * refuses a deactivated user's, telling them so.
 */
export async function findLiveSession(db: Executor, sessionId: string, now: Date) {
  const [row] = await preparedOnce(liveSessionQueries, db, prepareLiveSession).execute({
    sessionId,
    now: now.toISOString(),
  });
  return row;
}

/** The unrevoked token with this digest and its user (active or not, as above). */
export async function findLiveToken(db: Executor, tokenHash: string) {
  const [row] = await preparedOnce(liveTokenQueries, db, prepareLiveToken).execute({ tokenHash });
  return row;
}

// The two queries above run on every signed-in request: they are prepared once per database rather than
// built again each time (building the SQL cost about a tenth of a `GET /api/v1/me`, in a profile).
const liveSessionQueries = new WeakMap<Executor, ReturnType<typeof prepareLiveSession>>();
const liveTokenQueries = new WeakMap<Executor, ReturnType<typeof prepareLiveToken>>();

function preparedOnce<T>(cache: WeakMap<Executor, T>, db: Executor, prepare: (db: Executor) => T): T {
  let query = cache.get(db);
  if (!query) {
    query = prepare(db);
    cache.set(db, query);
  }
  return query;
}

function prepareLiveSession(db: Executor) {
  return db
    .select({
      user: actorColumns,
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      secondFactorAt: sessions.secondFactorAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('find_live_session');
}

function prepareLiveToken(db: Executor) {
  return db
    .select({ user: actorColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiTokens.revokedAt)))
    .prepare('find_live_token');
}

/** Where and in which language to write to someone (for other modules' mail). */
export async function contactOf(db: Executor, userId: string) {
  const [row] = await db
    .select({ email: users.email, name: users.name, locale: users.locale, role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/** The contacts of many accounts at once (bulk mail), by id; inactive accounts are left out. */
export async function contactsOf(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, { email: string; name: string; locale: Locale }>();
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(anyOf(users.id, userIds), eq(users.active, true)));
  return new Map(rows.map(({ id, ...contact }) => [id, contact]));
}

/** An account that may still act (work done later on someone's behalf, e.g. an export job); else undefined. */
export async function activeAccount(db: Executor, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  return row;
}

/** Active accounts with one of these roles (e.g. to tell every coordinator). */
export async function activeUsersWithRole(db: Executor, roles: string[]) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(inArray(users.role, roles as never[]), eq(users.active, true)));
}
