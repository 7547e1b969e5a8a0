/**
 * Where a payment batch stands: built by one finance officer, approved by a second, exported to the
 * bank and the accounting system, then marked paid with the bank's reference. A draft may be
 * cancelled, which puts its claims back in the queue; an exported file is in the bank's hands.
 */
export const BATCH_STATUSES = ['draft', 'approved', 'exported', 'paid', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

const TRANSITIONS: Record<BatchStatus, readonly BatchStatus[]> = {
  draft: ['approved', 'cancelled'],
  approved: ['exported', 'cancelled'],
  exported: ['paid'],
  paid: [],
  cancelled: [],
};

export function canMoveBatch(from: BatchStatus, to: BatchStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
