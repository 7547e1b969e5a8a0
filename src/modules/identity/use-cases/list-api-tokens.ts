import { desc, eq } from 'drizzle-orm';
import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { apiTokens } from '../db/tables.ts';

export type ApiTokenSummary = {
  id: string;
  name: string;
  displayPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** One's own tokens, newest first, without their secret (which is never stored). */
export async function listApiTokens(ctx: Ctx): Promise<ApiTokenSummary[]> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'token.manage', { userId: actor.id });
  return ctx.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      displayPrefix: apiTokens.displayPrefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.id))
    .orderBy(desc(apiTokens.createdAt));
}
