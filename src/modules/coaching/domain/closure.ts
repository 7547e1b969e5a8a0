/**
 * When closing a file as completed asks for a reason: too little was done for « Plan réalisé » to go
 * without saying why (0 hours, no session held, 1 action of 6 done was closed in one click).
 */
export const LITTLE_DONE = {
  /** Fewer sessions held than this… */
  minSessionsHeld: 1,
  /** …or a smaller share of the plan's actions done (dropped ones do not count). */
  minPlanShareDone: 0.5,
} as const;

export type ClosureFacts = {
  sessionsHeld: number;
  /** Actions done out of those still meant to be done; null without a plan. */
  plan: { done: number; total: number } | null;
};

export function littleDone(facts: ClosureFacts): boolean {
  if (facts.sessionsHeld < LITTLE_DONE.minSessionsHeld) return true;
  if (!facts.plan || facts.plan.total === 0) return true;
  return facts.plan.done / facts.plan.total < LITTLE_DONE.minPlanShareDone;
}

/** Abandoning always needs a reason; completing needs one when little was done. */
export function closureNeedsReason(outcome: 'completed' | 'abandoned', facts: ClosureFacts): boolean {
  return outcome === 'abandoned' || littleDone(facts);
}
