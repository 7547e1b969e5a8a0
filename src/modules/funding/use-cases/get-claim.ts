import type { Ctx } from '../../../platform/context.ts';
import { claimView } from './claim-view.ts';
import { loadClaim } from './load-claim.ts';

/** A claim with its computed amounts, refusals, duplicates, unusual taxes, receipts and review history. */
export async function getClaim(ctx: Ctx, id: string) {
  return claimView(ctx, ctx.db, await loadClaim(ctx, id, 'claim.read'));
}
