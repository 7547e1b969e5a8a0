/** What a file attached to a claim proves: the invoice itself, or that it was paid. */
export const ATTACHMENT_KINDS = ['invoice', 'proof_of_payment'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** Where a claim's file is downloaded: the API's address, which pages use too (a GET with the session). */
export const attachmentHref = (file: { claimId: string; id: string }) =>
  `/api/v1/claims/${file.claimId}/attachments/${file.id}`;
