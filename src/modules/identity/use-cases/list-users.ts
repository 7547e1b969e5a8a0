import { and, asc, eq, gt, ilike, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { cursorField, decodeCursor, limitField, type Page, toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { users } from '../db/tables.ts';
import { roleField } from '../domain/fields.ts';

export const listUsersInput = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: roleField.optional(),
  active: z.enum(['true', 'false']).optional(),
  cursor: cursorField.optional(),
  limit: limitField,
});

export type UserSummary = {
  id: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  active: boolean;
  secondFactor: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
};

/** Accounts by e-mail address, filtered by search text, role and state (administrators). */
export async function listUsers(ctx: Ctx, input: unknown): Promise<Page<UserSummary>> {
  authorize(ctx.actor, 'user.list');
  const { q, role, active, cursor, limit } = parseInput(listUsersInput, input, 'identity');
  const conditions: (SQL | undefined)[] = [];
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.email, pattern), ilike(users.name, pattern)));
  }
  if (role) conditions.push(eq(users.role, role));
  if (active) conditions.push(eq(users.active, active === 'true'));
  if (cursor) conditions.push(gt(users.email, String(decodeCursor(cursor)![0])));
  const rows = await ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      active: users.active,
      totpEnabledAt: users.totpEnabledAt,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.email))
    .limit(limit + 1);
  const page = toPage(rows, limit, (row) => [row.email]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ totpEnabledAt, ...row }) => ({ ...row, secondFactor: totpEnabledAt !== null })),
  };
}
