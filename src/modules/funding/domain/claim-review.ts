import type { ClaimStatus } from './claim-status.ts';
import type { Refusal } from './refusal.ts';
import { type ReviewStep, requiredSteps } from './separation-of-duties.ts';

export const REVIEW_DECISIONS = ['approved', 'corrections_requested', 'refused'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * Where a decision takes the claim. An approval of the last required step makes it payable; a first
 * payment approval that needs a second one leaves it financially approved.
 */
export function statusAfterReview(
  decision: ReviewDecision,
  step: ReviewStep,
  financeApprovers: number,
): ClaimStatus {
  if (decision === 'corrections_requested') return 'corrections_requested';
  if (decision === 'refused') return 'refused';
  if (requiredSteps(financeApprovers).at(-1) === step) return 'payment_approved';
  return step === 'content' ? 'content_approved' : 'financially_approved';
}

/**
 * The receipts a submission needs: for each invoice, the invoice itself and a proof of payment. A file
 * attached to the claim without naming an invoice counts for the only invoice of a one-invoice claim.
 */
export function missingReceipts(
  invoices: readonly { id: string }[],
  attachments: readonly { invoiceId: string | null; kind: 'invoice' | 'proof_of_payment' }[],
): Refusal[] {
  const refusals: Refusal[] = [];
  invoices.forEach((invoice, index) => {
    const covers = (a: (typeof attachments)[number]) =>
      a.invoiceId === invoice.id || (a.invoiceId === null && invoices.length === 1);
    if (!attachments.some((a) => a.kind === 'invoice' && covers(a)))
      refusals.push({
        key: 'funding:claims.errors.invoice_file_missing',
        field: `lines.${index}.invoiceFile`,
        params: {},
      });
    if (!attachments.some((a) => a.kind === 'proof_of_payment' && covers(a)))
      refusals.push({
        key: 'funding:claims.errors.proof_of_payment_missing',
        field: `lines.${index}.proofOfPayment`,
        params: {},
      });
  });
  return refusals;
}
