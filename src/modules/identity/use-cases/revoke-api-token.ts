import { and, eq, isNull } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { apiTokens } from '../db/tables.ts';

/** Revokes one of one's own tokens; it stops working at once. */
export async function revokeApiToken(ctx: Ctx, tokenId: string): Promise<void> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'token.manage', { userId: actor.id });
  if (!UUID_PATTERN.test(tokenId)) throw new AppError('not_found');
  await transaction(ctx, async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) throw new AppError('not_found');
    await appendAudit(tx, ctx, { action: 'token.revoked', entityType: 'api_token', entityId: tokenId });
  });
}
