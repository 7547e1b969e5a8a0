import { and, eq, isNull } from 'drizzle-orm';
import { digest, randomToken } from '../../../platform/auth/crypto.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { CLAIM_LIFETIME_DAYS } from '../domain/claims.ts';
import { applicationClaims } from './tables.ts';

export const claimPath = (token: string) => `/claim/${token}`;

/**
 * A new link to claim a paper application, sent to `email`; earlier unused ones stop working (only
 * the newest e-mail's link does). Returns the link's full address.
 */
export async function createClaimLink(
  tx: Executor,
  ctx: Ctx,
  applicationId: string,
  email: string,
): Promise<string> {
  const now = ctx.now();
  await tx
    .update(applicationClaims)
    .set({ revokedAt: now })
    .where(
      and(
        eq(applicationClaims.applicationId, applicationId),
        isNull(applicationClaims.claimedAt),
        isNull(applicationClaims.revokedAt),
      ),
    );
  const token = randomToken();
  await tx.insert(applicationClaims).values({
    id: newId(),
    applicationId,
    email,
    tokenHash: digest(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + CLAIM_LIFETIME_DAYS * 86_400_000),
  });
  return `${ctx.services.config.publicUrl}${claimPath(token)}`;
}

/** The claim behind a token, if any (locked for update in a transaction). */
export async function findClaim(db: Executor, token: string, lock = false) {
  const query = db
    .select()
    .from(applicationClaims)
    .where(eq(applicationClaims.tokenHash, digest(token)));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}
