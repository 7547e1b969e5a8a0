import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Approval,
  checkApproval,
  checkBatchApproval,
  REVIEW_STEPS,
  requiredSteps,
} from './separation-of-duties.ts';

describe('separation of duties', () => {
  const claim = {
    authorIds: ['retailer', 'coordinator-who-prepared'],
    approvals: [] as Approval[],
    financeApprovers: 1,
  };

  it('refuses one’s own work, a second step of the same claim, and a step out of turn', () => {
    expect(checkApproval(claim, { step: 'content', userId: 'expert' })).toEqual({ ok: true });
    expect(checkApproval(claim, { step: 'content', userId: 'coordinator-who-prepared' })).toMatchObject({
      key: 'funding:errors.own_work',
    });
    const reviewed = { ...claim, approvals: [{ step: 'content' as const, userId: 'expert' }] };
    expect(checkApproval(reviewed, { step: 'financial', userId: 'expert' })).toMatchObject({
      key: 'funding:errors.second_step',
    });
    expect(checkApproval(reviewed, { step: 'payment', userId: 'finance-2' })).toMatchObject({
      key: 'funding:errors.step_not_due',
    });
    expect(checkApproval(reviewed, { step: 'financial', userId: 'finance-1' })).toEqual({ ok: true });
  });

  it('asks a second finance approver above the configured amount', () => {
    expect(requiredSteps(1)).toEqual(['content', 'financial', 'payment']);
    expect(requiredSteps(2)).toEqual(['content', 'financial', 'payment', 'second_payment']);
    expect(checkBatchApproval({ createdBy: 'finance-1' }, 'finance-1')).toMatchObject({
      key: 'funding:errors.own_batch',
    });
    expect(checkBatchApproval({ createdBy: 'finance-1' }, 'finance-2')).toEqual({ ok: true });
  });

  it('any accepted sequence of approvals has distinct approvers, none an author, in the required order (property)', () => {
    const users = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
    fc.assert(
      fc.property(
        fc.subarray(users, { maxLength: 2 }),
        fc.integer({ min: 1, max: 2 }),
        fc.array(fc.record({ step: fc.constantFrom(...REVIEW_STEPS), userId: fc.constantFrom(...users) }), {
          maxLength: 20,
        }),
        (authorIds, financeApprovers, attempts) => {
          const approvals: Approval[] = [];
          for (const attempt of attempts)
            if (checkApproval({ authorIds, approvals, financeApprovers }, attempt).ok)
              approvals.push(attempt);
          const approvers = approvals.map((a) => a.userId);
          expect(new Set(approvers).size).toBe(approvers.length);
          for (const author of authorIds) expect(approvers).not.toContain(author);
          expect(approvals.map((a) => a.step)).toEqual(
            requiredSteps(financeApprovers).slice(0, approvals.length),
          );
        },
      ),
    );
  });
});
