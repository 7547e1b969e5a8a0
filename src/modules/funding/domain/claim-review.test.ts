import { describe, expect, it } from 'vitest';
import { missingReceipts, statusAfterReview } from './claim-review.ts';

describe('claim review', () => {
  it('makes the claim payable only at the last required step', () => {
    expect(statusAfterReview('approved', 'content', 1)).toBe('content_approved');
    expect(statusAfterReview('approved', 'payment', 1)).toBe('payment_approved');
    expect(statusAfterReview('approved', 'payment', 2)).toBe('financially_approved');
    expect(statusAfterReview('approved', 'second_payment', 2)).toBe('payment_approved');
    expect(statusAfterReview('corrections_requested', 'financial', 2)).toBe('corrections_requested');
    expect(statusAfterReview('refused', 'content', 1)).toBe('refused');
  });

  it('wants the invoice and its proof of payment for each invoice, naming what is missing', () => {
    const invoices = [{ id: 'i1' }, { id: 'i2' }];
    expect(
      missingReceipts(invoices, [
        { invoiceId: 'i1', kind: 'invoice' },
        { invoiceId: 'i1', kind: 'proof_of_payment' },
        { invoiceId: null, kind: 'invoice' },
      ]).map((r) => r.field),
    ).toEqual(['lines.1.invoiceFile', 'lines.1.proofOfPayment']);
    // An unassigned file counts for the only invoice of a one-invoice claim.
    expect(
      missingReceipts(
        [{ id: 'i1' }],
        [
          { invoiceId: null, kind: 'invoice' },
          { invoiceId: null, kind: 'proof_of_payment' },
        ],
      ),
    ).toEqual([]);
  });
});
