/**
 * Peer benchmark: where a score stands among businesses alike (same retail subsector and size band,
 * optionally the same region). A group of fewer than MIN_PEERS completed diagnostics says too little
 * (and could single someone out): the group is widened, and the page says which group is used.
 */
export const MIN_PEERS = 10;

export type PeerGroup = { naics?: string; sizeBand?: string; region?: string };
export type GroupKind = 'naics_size_region' | 'naics_size' | 'naics' | 'size' | 'program';

/** Candidate groups, narrowest first; the first with enough peers is used. */
export function candidateGroups(
  business: { naics: string | null; sizeBand: string | null; region: string | null },
  withRegion: boolean,
): { kind: GroupKind; group: PeerGroup }[] {
  const { naics, sizeBand, region } = business;
  const candidates: { kind: GroupKind; group: PeerGroup }[] = [];
  if (withRegion && naics && sizeBand && region)
    candidates.push({ kind: 'naics_size_region', group: { naics, sizeBand, region } });
  if (naics && sizeBand) candidates.push({ kind: 'naics_size', group: { naics, sizeBand } });
  if (naics) candidates.push({ kind: 'naics', group: { naics } });
  if (sizeBand) candidates.push({ kind: 'size', group: { sizeBand } });
  candidates.push({ kind: 'program', group: {} });
  return candidates;
}

/** Percentile rank: the share of peers below, counting those equal as half, in whole percent. */
export function percentileRank(below: number, equal: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((100 * (below + equal / 2)) / total);
}
