import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize, authorizeVisible } from '../../../wiring/authorize.ts';
import { findClaim } from '../db/claims.ts';
import type { fundingPolicies } from '../domain/policies.ts';

export type LoadedClaim = NonNullable<Awaited<ReturnType<typeof findClaim>>>;

/**
 * A claim the caller may act on with `action`. Those who may not even read it (another retailer,
 * another business's expert) are told it does not exist.
 */
export async function loadClaim(
  ctx: Ctx,
  id: string,
  action: keyof typeof fundingPolicies,
): Promise<LoadedClaim> {
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  if (ctx.actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const found = await findClaim(ctx.db, id);
  if (!found) throw new AppError('not_found');
  authorizeVisible(ctx.actor, 'claim.read', found);
  authorize(ctx.actor, action as 'claim.read', found);
  return found;
}
