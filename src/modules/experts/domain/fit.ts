import { specialtyFor } from './specialties.ts';

/** A retailer waiting for an expert, as the assignment sees them. */
export type Candidate = {
  applicationId: string;
  region: string | null;
  /** The language the retailer works in. */
  language: 'fr' | 'en';
  /** Weakest diagnostic dimensions, weakest first (empty before the diagnostic). */
  weakest: string[];
  /** An expert who already coached this business (continuity). */
  previousExpertId: string | null;
};

export type ExpertProfile = {
  expertId: string;
  regions: string[];
  languages: string[];
  specialties: string[];
  capacity: number;
  activeFiles: number;
  active: boolean;
};

/** Points of fit; in-store visits make the region weigh most. Configurable here, in one place. */
export const FIT_POINTS = { region: 100, continuity: 80, weakest: 60, secondWeakest: 30 } as const;

export type Reason =
  | { key: 'same_region'; region: string }
  | { key: 'speaks'; language: 'fr' | 'en' }
  | { key: 'specialty'; specialty: string; dimension: string; rank: 1 | 2 }
  | { key: 'continuity' };

/** Whether the expert can coach this retailer at all: they must share the retailer's language. */
export const compatible = (c: Candidate, e: ExpertProfile) => e.active && e.languages.includes(c.language);

/** Fit of a pair, with the reasons that make it up (shown to the coordinator). */
export function fitOf(c: Candidate, e: ExpertProfile): { score: number; reasons: Reason[] } {
  let score = 0;
  const reasons: Reason[] = [];
  if (c.region && e.regions.includes(c.region)) {
    score += FIT_POINTS.region;
    reasons.push({ key: 'same_region', region: c.region });
  }
  reasons.push({ key: 'speaks', language: c.language });
  c.weakest.slice(0, 2).forEach((dimension, i) => {
    const specialty = specialtyFor(e.specialties, dimension);
    if (!specialty) return;
    score += i === 0 ? FIT_POINTS.weakest : FIT_POINTS.secondWeakest;
    reasons.push({ key: 'specialty', specialty, dimension, rank: i === 0 ? 1 : 2 });
  });
  if (c.previousExpertId === e.expertId) {
    score += FIT_POINTS.continuity;
    reasons.push({ key: 'continuity' });
  }
  return { score, reasons };
}

/**
 * Load segments of an expert's remaining capacity, with a rising cost: the solver fills the first 60 %
 * of everyone's capacity before anyone's last 15 %, so that workloads stay balanced among equal fits.
 */
export function loadSegments(e: ExpertProfile): { capacity: number; cost: number }[] {
  if (!e.active) return [];
  const bounds = [
    { upTo: Math.floor(e.capacity * 0.6), cost: 0 },
    { upTo: Math.floor(e.capacity * 0.85), cost: 1 },
    { upTo: e.capacity, cost: 3 },
  ];
  let from = e.activeFiles;
  return bounds.flatMap(({ upTo, cost }) => {
    const capacity = Math.max(0, upTo - from);
    from = Math.max(from, upTo);
    return capacity > 0 ? [{ capacity, cost }] : [];
  });
}
