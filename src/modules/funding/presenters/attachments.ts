import { z } from 'zod';
import { instant } from '../../../platform/http/present.ts';
import { ATTACHMENT_KINDS, attachmentHref } from '../domain/attachments.ts';
import type { addClaimAttachment } from '../use-cases/add-claim-attachment.ts';
import type { listClaimAttachments } from '../use-cases/list-claim-attachments.ts';

export const claimAttachment = z
  .object({
    id: z.uuid(),
    claimId: z.uuid(),
    invoiceId: z.uuid().nullable(),
    kind: z.enum(ATTACHMENT_KINDS),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.iso.datetime(),
    /** Where to download it (as an attachment, never displayed on Virage's origin). */
    href: z.string(),
  })
  .meta({ id: 'ClaimAttachment' });

export const claimAttachmentList = z.object({ items: z.array(claimAttachment), editable: z.boolean() });

type Row = Awaited<ReturnType<typeof addClaimAttachment>>;

export const presentClaimAttachment = (row: Row) => ({
  id: row.id,
  claimId: row.claimId,
  invoiceId: row.invoiceId,
  kind: row.kind,
  fileName: row.fileName,
  mediaType: row.mediaType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  uploadedAt: instant(row.createdAt),
  href: attachmentHref(row),
});

export const presentClaimAttachments = ({
  attachments,
  editable,
}: Awaited<ReturnType<typeof listClaimAttachments>>) => ({
  items: attachments.map(presentClaimAttachment),
  editable,
});
