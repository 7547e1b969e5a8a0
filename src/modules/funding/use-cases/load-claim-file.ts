import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize, authorizeVisible } from '../../../wiring/authorize.ts';
import { type ClaimFile, claimFileOf } from '../db/attachments.ts';
import { EDITABLE_CLAIM_STATUSES } from '../domain/claim-status.ts';

/**
 * A claim whose files the caller may read (and, for `claim.attachment.edit`, change); a claim they may
 * not read is "not found", so that its existence cannot be probed.
 */
export async function loadClaimFile(
  ctx: Ctx,
  claimId: string,
  action: 'claim.attachment.read' | 'claim.attachment.edit',
): Promise<ClaimFile> {
  if (ctx.actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (!UUID_PATTERN.test(claimId)) throw new AppError('not_found');
  const claim = await claimFileOf(ctx.db, claimId);
  const resource = {
    applicantId: claim?.applicantId ?? null,
    assignedExpertUserId: claim?.assignedExpertUserId ?? null,
  };
  authorizeVisible(ctx.actor, 'claim.attachment.read', resource);
  if (!claim) throw new AppError('not_found');
  authorize(ctx.actor, action, resource);
  return claim;
}

/** Files are added or removed only while the retailer may change the claim. */
export function assertFilesEditable(status: ClaimFile['status'] | undefined) {
  if (!status || !EDITABLE_CLAIM_STATUSES.includes(status)) {
    throw new AppError('conflict', { key: 'funding:files.not_editable' });
  }
}
