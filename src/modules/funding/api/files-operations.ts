import { fileDownload } from '../../../platform/files/download.ts';
import { FILE_MEDIA_TYPES, MAX_FILE_BYTES } from '../../../platform/files/sniff.ts';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import {
  claimAttachment,
  claimAttachmentList,
  presentClaimAttachment,
  presentClaimAttachments,
} from '../presenters/attachments.ts';
import { addClaimAttachment, attachmentFields } from '../use-cases/add-claim-attachment.ts';
import { listClaimAttachments } from '../use-cases/list-claim-attachments.ts';
import { openClaimAttachment } from '../use-cases/open-claim-attachment.ts';
import { removeClaimAttachment } from '../use-cases/remove-claim-attachment.ts';

/** A claim's receipts: uploaded by its retailer, downloaded by those who review or pay it. */
export const fundingFileOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'listClaimAttachments',
    method: 'get',
    path: '/claims/{id}/attachments',
    summary:
      'The files attached to a claim (invoices, proofs of payment), and whether the caller may change them',
    tag: 'funding',
    access: 'user',
    response: claimAttachmentList,
    handle: async (ctx, { params }) => presentClaimAttachments(await listClaimAttachments(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'addClaimAttachment',
    method: 'post',
    path: '/claims/{id}/attachments',
    summary:
      'Attach an invoice or a proof of payment to a draft claim or one with corrections requested (the claim’s retailer): PDF, JPEG or PNG, checked by content, at most 10 MiB',
    tag: 'funding',
    access: 'user',
    upload: { file: 'file', maxBytes: MAX_FILE_BYTES, fields: attachmentFields },
    response: claimAttachment,
    successStatus: 201,
    handle: async (ctx, { params, body, file }) =>
      presentClaimAttachment(await addClaimAttachment(ctx, params.id!, body, file)),
  }),
  defineOperation({
    operationId: 'getClaimAttachment',
    method: 'get',
    path: '/claims/{id}/attachments/{attachmentId}',
    summary: 'Download a claim’s file, always as an attachment; each download is audited',
    tag: 'funding',
    access: 'user',
    produces: FILE_MEDIA_TYPES,
    handle: async (ctx, { params }) => {
      const { attachment, body } = await openClaimAttachment(ctx, params.id!, params.attachmentId!);
      return fileDownload({ body, ...attachment });
    },
  }),
  defineOperation({
    operationId: 'removeClaimAttachment',
    method: 'delete',
    path: '/claims/{id}/attachments/{attachmentId}',
    summary: 'Take a file off a claim while its retailer may still change it',
    tag: 'funding',
    access: 'user',
    successStatus: 204,
    handle: async (ctx, { params }) => {
      await removeClaimAttachment(ctx, params.id!, params.attachmentId!);
    },
  }),
];
