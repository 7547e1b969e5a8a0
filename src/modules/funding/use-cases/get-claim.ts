import { recordFileRead } from '../../../platform/audit/file-reads.ts';
import type { Ctx } from '../../../platform/context.ts';
import { claimView } from './claim-view.ts';
import { loadClaim } from './load-claim.ts';

/** A claim with its computed amounts, refusals, duplicates, unusual taxes, receipts and review history. */
export async function getClaim(ctx: Ctx, id: string) {
  const found = await loadClaim(ctx, id, 'claim.read');
  await recordFileRead(ctx, {
    applicationId: found.claim.applicationId,
    subjectUserId: found.applicantId,
    part: 'claim',
    entityId: found.claim.id,
  });
  return claimView(ctx, ctx.db, found);
}
