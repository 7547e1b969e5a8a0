import type { Localised } from './localised.ts';
import type { Scores } from './scoring.ts';

export const EFFORTS = ['low', 'medium', 'high'] as const;
export type Effort = (typeof EFFORTS)[number];

/** A recommendation of the library administrators edit: it applies to a dimension scored within a range. */
export type Recommendation = {
  id: string;
  dimensionId: string;
  minScore: number;
  maxScore: number;
  title: Localised;
  text: Localised;
  /** Typical cost, in cents (CAD). */
  costMin: number;
  costMax: number;
  effort: Effort;
  /** Higher first, among recommendations for equally weak dimensions. */
  priority: number;
};

/**
 * The recommendations that fit a diagnostic, weakest dimensions first (the weight of the dimension
 * breaks ties, so online marketing comes first when it is as weak as another), then by priority.
 */
export function recommend(
  library: Recommendation[],
  scores: Scores,
  dimensionWeights: Record<string, number>,
  limit = 6,
): Recommendation[] {
  return library
    .filter((r) => {
      const s = scores.dimensions[r.dimensionId];
      return s !== undefined && s >= r.minScore && s <= r.maxScore;
    })
    .sort(
      (a, b) =>
        scores.dimensions[a.dimensionId]! - scores.dimensions[b.dimensionId]! ||
        (dimensionWeights[b.dimensionId] ?? 1) - (dimensionWeights[a.dimensionId] ?? 1) ||
        b.priority - a.priority,
    )
    .slice(0, limit);
}
