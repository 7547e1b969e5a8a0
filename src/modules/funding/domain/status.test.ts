import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_STATUSES, canMoveAgreement, needsAmendment } from './agreement-status.ts';
import { BATCH_STATUSES, canMoveBatch } from './batch-status.ts';
import { CLAIM_STATUSES, type ClaimStatus, canMoveClaim } from './claim-status.ts';

describe('agreement statuses', () => {
  it('allow only the documented moves', () => {
    expect(canMoveAgreement('draft', 'offered')).toBe(true);
    expect(canMoveAgreement('offered', 'accepted')).toBe(true);
    expect(canMoveAgreement('offered', 'withdrawn')).toBe(true);
    expect(canMoveAgreement('accepted', 'amendment_requested')).toBe(true);
    expect(canMoveAgreement('amendment_requested', 'accepted')).toBe(true);
    expect(canMoveAgreement('draft', 'accepted')).toBe(false);
    expect(canMoveAgreement('expired', 'accepted')).toBe(false);
    for (const to of AGREEMENT_STATUSES) {
      expect(canMoveAgreement('declined', to)).toBe(false);
      expect(canMoveAgreement('closed', to)).toBe(false);
    }
  });

  it('call a change of more than 20 % of a line an amendment', () => {
    expect(needsAmendment(100_000, 120_000)).toBe(false);
    expect(needsAmendment(100_000, 120_001)).toBe(true);
    expect(needsAmendment(100_000, 79_999)).toBe(true);
    expect(needsAmendment(0, 1)).toBe(true);
  });
});

describe('claim statuses', () => {
  it('go through content, financial and payment approval in order, with corrections in between', () => {
    const path = [
      'draft',
      'submitted',
      'corrections_requested',
      'submitted',
      'content_approved',
      'financially_approved',
      'payment_approved',
      'in_batch',
      'paid',
    ] as const;
    for (let i = 1; i < path.length; i++) expect(canMoveClaim(path[i - 1]!, path[i]!)).toBe(true);
    expect(canMoveClaim('submitted', 'financially_approved')).toBe(false);
    expect(canMoveClaim('content_approved', 'payment_approved')).toBe(false);
    expect(canMoveClaim('in_batch', 'payment_approved')).toBe(true);
    for (const to of CLAIM_STATUSES) {
      expect(canMoveClaim('paid', to)).toBe(false);
      expect(canMoveClaim('refused', to)).toBe(false);
    }
  });

  it('never reach paid without passing each approval (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CLAIM_STATUSES), { maxLength: 30 }), (targets) => {
        let status: ClaimStatus = 'draft';
        const seen = new Set<ClaimStatus>([status]);
        for (const to of targets)
          if (canMoveClaim(status, to)) {
            status = to;
            seen.add(to);
          }
        if (status === 'paid')
          for (const step of [
            'content_approved',
            'financially_approved',
            'payment_approved',
            'in_batch',
          ] as const)
            expect(seen.has(step)).toBe(true);
      }),
    );
  });
});

describe('batch statuses', () => {
  it('are approved before export, exported before paid', () => {
    expect(canMoveBatch('draft', 'approved')).toBe(true);
    expect(canMoveBatch('approved', 'exported')).toBe(true);
    expect(canMoveBatch('exported', 'paid')).toBe(true);
    expect(canMoveBatch('draft', 'exported')).toBe(false);
    expect(canMoveBatch('exported', 'cancelled')).toBe(false);
    for (const to of BATCH_STATUSES) expect(canMoveBatch('paid', to)).toBe(false);
  });
});
