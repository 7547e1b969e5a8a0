import { OK, refuse, type Verdict } from './refusal.ts';

/**
 * The approvals a claim needs, in order, by different people (Financial Administration Act s.33–34:
 * one officer certifies the work, another the payment). Above the configured amount, payment needs a
 * second finance officer.
 */
export const REVIEW_STEPS = ['content', 'financial', 'payment', 'second_payment'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

export function requiredSteps(financeApprovers: number): ReviewStep[] {
  return financeApprovers >= 2 ? [...REVIEW_STEPS] : ['content', 'financial', 'payment'];
}

export type Approval = { step: ReviewStep; userId: string };

/**
 * Whether this person may approve this step now: the next step due, not their own work (they neither
 * wrote the claim nor prepared the agreement it draws on), and no other step of this claim approved
 * by them already.
 */
export function checkApproval(
  claim: { authorIds: readonly string[]; approvals: readonly Approval[]; financeApprovers: number },
  approval: Approval,
): Verdict {
  const due = requiredSteps(claim.financeApprovers)[claim.approvals.length];
  if (due !== approval.step) return refuse('funding:errors.step_not_due', { step: approval.step });
  if (claim.authorIds.includes(approval.userId))
    return refuse('funding:errors.own_work', { step: approval.step });
  if (claim.approvals.some((a) => a.userId === approval.userId))
    return refuse('funding:errors.second_step', { step: approval.step });
  return OK;
}

/** A payment batch is approved by a finance officer other than the one who built it. */
export function checkBatchApproval(batch: { createdBy: string }, userId: string): Verdict {
  return batch.createdBy === userId ? refuse('funding:errors.own_batch') : OK;
}
