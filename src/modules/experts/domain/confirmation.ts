import { type Candidate, compatible, type ExpertProfile, fitOf, type Reason } from './fit.ts';

/** Whether a business may be given an expert: accepted, and its coaching not closed. */
export type Assignability = 'coachable' | 'not_accepted' | 'closed';

export function assignability(business: { status: string; coachingClosedAt: Date | null }): Assignability {
  if (business.status !== 'accepted') return 'not_accepted';
  return business.coachingClosedAt ? 'closed' : 'coachable';
}

export type PairToConfirm = { applicationId: string; expertId: string; reason?: string | undefined };

/** A business as the check sees it. */
export type BusinessToAssign = {
  status: string;
  coachingClosedAt: Date | null;
  region: string | null;
  language: 'fr' | 'en';
  weakest: string[];
};

/** What the check reads: the experts with their load, the businesses, and who coaches them now. */
export type ConfirmationState = {
  experts: Map<string, ExpertProfile & { name: string }>;
  businesses: Map<string, BusinessToAssign>;
  /** The expert of each business's active assignment. */
  current: Map<string, string>;
};

/** A pair to write: new, or a change of expert (the previous one is ended with the reason). */
export type Confirmation = {
  applicationId: string;
  expertId: string;
  reason: string | null;
  previousExpertId: string | null;
  score: number;
  reasons: Reason[];
};

export type ConfirmationCheck =
  | { outcome: 'ok'; confirmations: Confirmation[] }
  | { outcome: 'invalid'; issues: { path: string; key: string }[] }
  | {
      outcome: 'on_leave' | 'capacity';
      applicationId: string;
      expert: { id: string; name: string; capacity: number; activeFiles: number };
    };

/**
 * Checks pairs in order, counting the places each one takes and frees: an expert on leave or at capacity
 * stops everything (first one met); other problems are collected per pair. A pair that keeps a business
 * with its current expert changes nothing. `first` is the index of the first pair in the whole request
 * (a long request is checked in chunks), so that paths name the caller's entry.
 */
export function checkConfirmations(
  pairs: PairToConfirm[],
  state: ConfirmationState,
  first = 0,
): ConfirmationCheck {
  const load = new Map([...state.experts].map(([id, e]) => [id, e.activeFiles]));
  const issues: { path: string; key: string }[] = [];
  const confirmations: Confirmation[] = [];
  for (const [i, pair] of pairs.entries()) {
    const path = `assignments.${first + i}`;
    const expert = state.experts.get(pair.expertId);
    const business = state.businesses.get(pair.applicationId);
    if (!expert) {
      issues.push({ path: `${path}.expertId`, key: 'experts:validation.unknown_expert' });
      continue;
    }
    if (!business || assignability(business) !== 'coachable') {
      issues.push({ path: `${path}.applicationId`, key: 'experts:validation.not_coachable' });
      continue;
    }
    const previousExpertId = state.current.get(pair.applicationId) ?? null;
    if (previousExpertId === pair.expertId) continue;
    if (previousExpertId && !pair.reason) {
      issues.push({ path: `${path}.reason`, key: 'experts:validation.reason_to_reassign' });
      continue;
    }
    const activeFiles = load.get(expert.expertId) ?? 0;
    const refused = { id: expert.expertId, name: expert.name, capacity: expert.capacity, activeFiles };
    if (!expert.active) return { outcome: 'on_leave', applicationId: pair.applicationId, expert: refused };
    if (activeFiles + 1 > expert.capacity)
      return { outcome: 'capacity', applicationId: pair.applicationId, expert: refused };
    const candidate: Candidate = {
      applicationId: pair.applicationId,
      region: business.region,
      language: business.language,
      weakest: business.weakest,
      previousExpertId,
    };
    const profile = { ...expert, activeFiles };
    if (!compatible(candidate, profile)) {
      issues.push({ path: `${path}.expertId`, key: 'experts:validation.no_common_language' });
      continue;
    }
    if (previousExpertId) load.set(previousExpertId, (load.get(previousExpertId) ?? 0) - 1);
    load.set(expert.expertId, activeFiles + 1);
    confirmations.push({
      applicationId: pair.applicationId,
      expertId: pair.expertId,
      reason: pair.reason ?? null,
      previousExpertId,
      ...fitOf(candidate, profile),
    });
  }
  return issues.length > 0 ? { outcome: 'invalid', issues } : { outcome: 'ok', confirmations };
}
