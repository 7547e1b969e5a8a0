/**
 * The assignment proposal: retailers waiting for an expert are grouped by what makes them alike for
 * the fit (region, language, weakest dimensions, previous expert), and the groups are sent to experts
 * by an exact min-cost flow. The objective, in order: assign as many retailers as capacity allows,
 * then maximise the total fit, then keep workloads balanced (rising cost of each expert's last files).
 */
import { type Candidate, compatible, type ExpertProfile, fitOf, loadSegments, type Reason } from './fit.ts';
import { solveTransportation } from './min-cost-flow.ts';

/** Worth more than any total fit: every assignment the capacity allows comes first. */
export const PER_ASSIGNMENT = 1_000_000;

export type ProposedPair = { applicationId: string; expertId: string; score: number; reasons: Reason[] };
export type Unassigned = { applicationId: string; reason: 'no_expert_for_language' | 'no_capacity' };
export type Proposal = { assignments: ProposedPair[]; unassigned: Unassigned[]; objective: number };

const groupKey = (c: Candidate) =>
  `${c.region ?? ''}|${c.language}|${c.weakest.slice(0, 2).join(',')}|${c.previousExpertId ?? ''}`;

export function propose(candidates: Candidate[], experts: ExpertProfile[]): Proposal {
  const groups = new Map<string, Candidate[]>();
  for (const c of [...candidates].sort((a, b) => a.applicationId.localeCompare(b.applicationId))) {
    const key = groupKey(c);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const sources = [...groups.values()];
  const arcs: { source: number; sink: number; cost: number; score: number; reasons: Reason[] }[] = [];
  sources.forEach((members, source) => {
    const sample = members[0]!;
    experts.forEach((expert, sink) => {
      if (!compatible(sample, expert)) return;
      const { score, reasons } = fitOf(sample, expert);
      arcs.push({ source, sink, cost: -(PER_ASSIGNMENT + score), score, reasons });
    });
  });
  const solution = solveTransportation({
    sources: sources.map((members) => ({ supply: members.length })),
    sinks: experts.map((e) => ({ segments: loadSegments(e) })),
    arcs,
    unassignedCost: 0,
  });

  const assignments: ProposedPair[] = [];
  const next = sources.map(() => 0);
  solution.flows.forEach((amount, i) => {
    if (amount <= 0) return;
    const arc = arcs[i]!;
    const members = sources[arc.source]!;
    for (let k = 0; k < amount; k++) {
      const candidate = members[next[arc.source]!++]!;
      assignments.push({
        applicationId: candidate.applicationId,
        expertId: experts[arc.sink]!.expertId,
        score: arc.score,
        reasons: arc.reasons,
      });
    }
  });
  const reachable = new Set(arcs.map((a) => a.source));
  const unassigned: Unassigned[] = sources.flatMap((members, source) =>
    members.slice(next[source]!).map((c) => ({
      applicationId: c.applicationId,
      reason: reachable.has(source) ? ('no_capacity' as const) : ('no_expert_for_language' as const),
    })),
  );
  return {
    assignments: assignments.sort((a, b) => a.applicationId.localeCompare(b.applicationId)),
    unassigned,
    objective: 0 - solution.totalCost,
  };
}
