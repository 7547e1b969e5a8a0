import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { lockedClaimStatus } from '../db/attachments.ts';
import { claimAttachments } from '../db/tables.ts';
import { assertFilesEditable, loadClaimFile } from './load-claim-file.ts';

/**
 * The claim's retailer takes a file off the claim while it is theirs to change. The bytes stay in the
 * store (another claim may hold the same content); the row and its audit trail say it was removed.
 */
export async function removeClaimAttachment(ctx: Ctx, claimId: string, attachmentId: string) {
  const claim = await loadClaimFile(ctx, claimId, 'claim.attachment.edit');
  if (!UUID_PATTERN.test(attachmentId)) throw new AppError('not_found');
  await transaction(ctx, async (tx) => {
    assertFilesEditable(await lockedClaimStatus(tx, claim.id));
    const [removed] = await tx
      .delete(claimAttachments)
      .where(and(eq(claimAttachments.id, attachmentId), eq(claimAttachments.claimId, claim.id)))
      .returning();
    if (!removed) throw new AppError('not_found');
    await appendAudit(tx, ctx, {
      action: 'claim.attachment_removed',
      entityType: 'claim',
      entityId: claim.id,
      changes: {
        attachmentId: removed.id,
        kind: removed.kind,
        fileName: removed.fileName,
        sha256: removed.sha256,
      },
    });
    await ctx.services.reactions.claimChanged(tx, ctx, claim.id);
  });
}
