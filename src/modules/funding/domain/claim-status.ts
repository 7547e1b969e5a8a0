/**
 * Where a claim stands. The team asks for corrections naming the field and the retailer submits
 * again; then a content review (the work was done as planned), a financial review (amounts, taxes,
 * receipts) and a payment approval, by different people (`separation-of-duties.ts`). An approved
 * claim joins a payment batch and is paid with it; taken out of a batch, it waits for the next one.
 */
export const CLAIM_STATUSES = [
  'draft',
  'submitted',
  'corrections_requested',
  'content_approved',
  'financially_approved',
  'payment_approved',
  'in_batch',
  'paid',
  'refused',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

const TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  draft: ['submitted'],
  submitted: ['corrections_requested', 'content_approved', 'refused'],
  corrections_requested: ['submitted'],
  content_approved: ['corrections_requested', 'financially_approved', 'refused'],
  financially_approved: ['corrections_requested', 'payment_approved', 'refused'],
  payment_approved: ['in_batch'],
  in_batch: ['paid', 'payment_approved'],
  paid: [],
  refused: [],
};

export function canMoveClaim(from: ClaimStatus, to: ClaimStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The retailer may change the claim's content. */
export const EDITABLE_CLAIM_STATUSES: readonly ClaimStatus[] = ['draft', 'corrections_requested'];
