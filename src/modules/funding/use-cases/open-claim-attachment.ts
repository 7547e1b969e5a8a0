import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { fileStoreOf } from '../../../platform/files/store.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { attachmentOfClaim } from '../db/attachments.ts';
import { loadClaimFile } from './load-claim-file.ts';

/**
 * A claim's file, for those who may see the claim: its retailer, the business's expert, coordinators,
 * administrators and finance. Each download is recorded in the audit log (who read which receipt).
 */
export async function openClaimAttachment(ctx: Ctx, claimId: string, attachmentId: string) {
  const claim = await loadClaimFile(ctx, claimId, 'claim.attachment.read');
  if (!UUID_PATTERN.test(attachmentId)) throw new AppError('not_found');
  const attachment = await attachmentOfClaim(ctx.db, claim.id, attachmentId);
  if (!attachment) throw new AppError('not_found');
  const body = await fileStoreOf(ctx.services.config).read(attachment.sha256);
  // A row whose bytes are gone (a store restored from an older backup) is the operator's problem to see.
  if (!body)
    throw new Error(`The file store holds no file ${attachment.sha256} (claim attachment ${attachment.id})`);
  await transaction(ctx, (tx) =>
    appendAudit(tx, ctx, {
      action: 'claim.attachment_downloaded',
      entityType: 'claim',
      entityId: claim.id,
      changes: { attachmentId: attachment.id, fileName: attachment.fileName },
    }),
  );
  return { attachment, body };
}
