import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { fieldError } from '../../../platform/errors.ts';
import { fileStoreOf } from '../../../platform/files/store.ts';
import { receiveFile } from '../../../platform/files/upload.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { invoiceOfClaim, lockedClaimStatus } from '../db/attachments.ts';
import { claimAttachments } from '../db/tables.ts';
import { ATTACHMENT_KINDS } from '../domain/attachments.ts';
import { assertFilesEditable, loadClaimFile } from './load-claim-file.ts';

/** The text fields sent with the file; an empty invoice field (a form's « none ») means none. */
export const attachmentFields = z.strictObject({
  kind: z.enum(ATTACHMENT_KINDS, { error: 'funding:files.kind' }),
  invoiceId: z.uuid({ error: 'funding:files.invoice' }).optional(),
});

/**
 * The claim's retailer attaches an invoice or a proof of payment while the claim is theirs to change.
 * The file is checked by content and size before anything is written; it joins the store (once per
 * content) in the same transaction that records it, so a refusal leaves neither a row nor a file.
 */
export async function addClaimAttachment(ctx: Ctx, claimId: string, input: unknown, file: File | undefined) {
  const claim = await loadClaimFile(ctx, claimId, 'claim.attachment.edit');
  assertFilesEditable(claim.status);
  const fields = parseInput(attachmentFields, withoutEmptyFields(input), 'funding');
  const received = await receiveFile(fileStoreOf(ctx.services.config), file, { field: 'file' });
  try {
    return await transaction(ctx, async (tx) => {
      assertFilesEditable(await lockedClaimStatus(tx, claim.id));
      if (fields.invoiceId && !(await invoiceOfClaim(tx, claim.id, fields.invoiceId))) {
        throw fieldError('invoiceId', 'funding:files.invoice');
      }
      const [row] = await tx
        .insert(claimAttachments)
        .values({
          id: newId(),
          claimId: claim.id,
          invoiceId: fields.invoiceId ?? null,
          kind: fields.kind,
          sha256: received.staged.sha256,
          mediaType: received.mediaType,
          sizeBytes: received.staged.sizeBytes,
          fileName: received.fileName,
          uploadedBy: ctx.actor.kind === 'user' ? ctx.actor.id : claim.applicantId!,
          createdAt: ctx.now(),
        })
        .returning();
      await appendAudit(tx, ctx, {
        action: 'claim.attachment_added',
        entityType: 'claim',
        entityId: claim.id,
        changes: {
          attachmentId: row!.id,
          kind: row!.kind,
          fileName: row!.fileName,
          sha256: row!.sha256,
          sizeBytes: row!.sizeBytes,
        },
      });
      await ctx.services.reactions.claimChanged(tx, ctx, claim.id);
      await received.staged.keep();
      return row!;
    });
  } finally {
    await received.staged.discard();
  }
}

function withoutEmptyFields(input: unknown) {
  if (typeof input !== 'object' || input === null) return input;
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== ''));
}
