import type { Ctx } from '../../../platform/context.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import { attachmentsOfClaim, invoicesOfClaim } from '../db/attachments.ts';
import { EDITABLE_CLAIM_STATUSES } from '../domain/claim-status.ts';
import { loadClaimFile } from './load-claim-file.ts';

/** A claim's files, oldest first, its invoices (to link a file to one), and whether the caller may still add or remove some. */
export async function listClaimAttachments(ctx: Ctx, claimId: string) {
  const claim = await loadClaimFile(ctx, claimId, 'claim.attachment.read');
  const [attachments, invoices] = await Promise.all([
    attachmentsOfClaim(ctx.db, claim.id),
    invoicesOfClaim(ctx.db, claim.id),
  ]);
  const editable =
    EDITABLE_CLAIM_STATUSES.includes(claim.status) &&
    isAllowed(ctx.actor, 'claim.attachment.edit', {
      applicantId: claim.applicantId,
      assignedExpertUserId: claim.assignedExpertUserId,
    });
  return { claim, attachments, invoices, editable };
}
