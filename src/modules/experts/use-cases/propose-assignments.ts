import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { weakestDimensionsOf } from '../../diagnostic/index.ts';
import { coachableApplications } from '../../intake/index.ts';
import { getProgram } from '../../programs/index.ts';
import { expertsWithLoad, previousExperts } from '../db/queries.ts';
import type { Candidate, Reason } from '../domain/fit.ts';
import { propose } from '../domain/proposal.ts';
import { describeReason } from '../domain/reasons.ts';
import { dimensionLabels } from './dimension-labels.ts';

export const proposalInput = z.strictObject({ programId: z.uuid() });

/**
 * The optimal assignment of accepted retailers without an expert (program team). Nothing is written:
 * the coordinator reviews the pairs, changes some, and confirms all or part.
 */
export async function proposeAssignments(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'assignment.manage');
  const { programId } = parseInput(proposalInput, input, 'experts');
  await getProgram(ctx, programId);
  const [waiting, weakest, previous, experts] = await Promise.all([
    coachableApplications(ctx.db, programId, { withoutExpert: true }),
    weakestDimensionsOf(ctx.db, { programId }),
    previousExperts(ctx.db, programId),
    expertsWithLoad(ctx.db, { programId }),
  ]);
  const candidates: Candidate[] = waiting.map((w) => ({
    applicationId: w.applicationId,
    region: w.region,
    language: w.language === 'en' ? 'en' : 'fr',
    weakest: weakest.get(w.applicationId) ?? [],
    previousExpertId: previous.get(w.applicationId) ?? null,
  }));
  const proposal = propose(
    candidates,
    experts.map((e) => ({
      expertId: e.id,
      regions: e.regions,
      languages: e.languages,
      specialties: e.specialties,
      capacity: e.capacity,
      activeFiles: e.activeFiles,
      active: e.status === 'active',
    })),
  );
  const label = await dimensionLabels(ctx, programId);
  // Thousands of pairs share a few hundred sets of reasons: put each set in words once.
  const described = new Map<string, string[]>();
  const inWords = (reasons: Reason[]) => {
    const key = JSON.stringify(reasons);
    const words =
      described.get(key) ??
      reasons.map((r) => describeReason(r, (key, values) => ctx.t(key, values ?? {}), label));
    described.set(key, words);
    return words;
  };
  const names = new Map(waiting.map((w) => [w.applicationId, w.name || w.legalName]));
  const expertNames = new Map(experts.map((e) => [e.id, e.name]));
  return {
    assignments: proposal.assignments.map((a) => ({
      applicationId: a.applicationId,
      expertId: a.expertId,
      score: a.score,
      reasons: inWords(a.reasons),
      business: names.get(a.applicationId) ?? null,
      expert: expertNames.get(a.expertId) ?? null,
    })),
    unassigned: proposal.unassigned.map((u) => ({
      applicationId: u.applicationId,
      reason: ctx.t(`experts:unassigned.${u.reason}`),
      business: names.get(u.applicationId) ?? null,
    })),
  };
}
