import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Candidate, compatible, type ExpertProfile, FIT_POINTS, fitOf, loadSegments } from './fit.ts';
import { PER_ASSIGNMENT, propose } from './proposal.ts';

type Highs = {
  solve(lp: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number };
};
let highs: Highs;
beforeAll(async () => {
  highs = (await (await import('highs')).default({})) as unknown as Highs;
});

/**
 * The assignment as an LP at the level of single retailers (no grouping, unlike the solver): x_i_j = 1
 * when retailer i goes to expert j, y_j_k the files in expert j's load segment k.
 * Maximise Σ (PER_ASSIGNMENT + fit) x − Σ segment cost · y.
 */
function lpOptimum(candidates: Candidate[], experts: ExpertProfile[]): number {
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const intoExpert: string[][] = experts.map(() => []);
  candidates.forEach((c, i) => {
    const terms: string[] = [];
    experts.forEach((e, j) => {
      if (!compatible(c, e)) return;
      objective.push(`- ${PER_ASSIGNMENT + fitOf(c, e).score} x${i}_${j}`);
      terms.push(`+ x${i}_${j}`);
      intoExpert[j]!.push(`+ x${i}_${j}`);
      bounds.push(` 0 <= x${i}_${j} <= 1`);
    });
    if (terms.length > 0) rows.push(` r${i}: ${terms.join(' ')} <= 1`);
  });
  experts.forEach((e, j) => {
    const segments = loadSegments(e);
    segments.forEach((s, k) => {
      objective.push(`+ ${s.cost} y${j}_${k}`);
      bounds.push(` 0 <= y${j}_${k} <= ${s.capacity}`);
    });
    if (intoExpert[j]!.length > 0)
      rows.push(
        ` e${j}: ${intoExpert[j]!.join(' ')} ${segments.map((_, k) => `- y${j}_${k}`).join(' ')} = 0`,
      );
  });
  if (objective.length === 0) return 0;
  const lp = [
    'Minimize',
    ` obj: ${objective.join(' ')}`,
    'Subject To',
    ...(rows.length ? rows : [' none: x0_0 >= 0']),
    'Bounds',
    ...bounds,
    'End',
  ].join('\n');
  const result = highs.solve(lp, { output_flag: false });
  expect(result.Status).toBe('Optimal');
  return 0 - result.ObjectiveValue;
}

/** What a set of pairs is worth, recomputed from the pairs alone. */
function worthOf(
  pairs: { applicationId: string; expertId: string }[],
  candidates: Candidate[],
  experts: ExpertProfile[],
) {
  let value = 0;
  for (const p of pairs) {
    const c = candidates.find((x) => x.applicationId === p.applicationId)!;
    const e = experts.find((x) => x.expertId === p.expertId)!;
    value += PER_ASSIGNMENT + fitOf(c, e).score;
  }
  for (const e of experts) {
    let load = pairs.filter((p) => p.expertId === e.expertId).length;
    for (const s of loadSegments(e)) {
      const used = Math.min(load, s.capacity);
      value -= used * s.cost;
      load -= used;
    }
  }
  return value;
}

const DIMENSIONS = ['strategy', 'presence', 'marketing', 'ecommerce', 'data', 'omnichannel'];
const REGIONS = ['06', '03', '16'];

const instance = fc
  .tuple(
    fc.array(
      fc.record({
        regions: fc.subarray(REGIONS, { minLength: 1 }),
        languages: fc.subarray(['fr', 'en'], { minLength: 1 }),
        specialties: fc.subarray([
          'digital_strategy',
          'web_presence',
          'ecommerce_platforms',
          'online_marketing_social',
          'data_measurement',
        ]),
        capacity: fc.integer({ min: 0, max: 8 }),
        load: fc.integer({ min: 0, max: 8 }),
        active: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    fc.array(
      fc.record({
        region: fc.option(fc.constantFrom(...REGIONS)),
        language: fc.constantFrom('fr' as const, 'en' as const),
        weakest: fc.shuffledSubarray(DIMENSIONS, { minLength: 0, maxLength: 3 }),
        previous: fc.option(fc.integer({ min: 0, max: 3 })),
      }),
      { minLength: 0, maxLength: 14 },
    ),
  )
  .map(([rawExperts, rawCandidates]) => {
    const experts: ExpertProfile[] = rawExperts.map((e, j) => ({
      expertId: `e${j}`,
      regions: e.regions,
      languages: e.languages,
      specialties: e.specialties,
      capacity: e.capacity,
      activeFiles: Math.min(e.load, e.capacity),
      active: e.active,
    }));
    const candidates: Candidate[] = rawCandidates.map((c, i) => ({
      applicationId: `a${String(i).padStart(2, '0')}`,
      region: c.region,
      language: c.language,
      weakest: c.weakest,
      previousExpertId: c.previous === null ? null : `e${c.previous}`,
    }));
    return { experts, candidates };
  });

describe('assignment proposal', () => {
  it('reaches the LP optimum on random small instances, and its pairs are feasible', () => {
    fc.assert(
      fc.property(instance, ({ experts, candidates }) => {
        const proposal = propose(candidates, experts);
        // Every retailer is either assigned once or unassigned with a reason.
        const ids = [
          ...proposal.assignments.map((a) => a.applicationId),
          ...proposal.unassigned.map((u) => u.applicationId),
        ].sort();
        expect(ids).toEqual(candidates.map((c) => c.applicationId).sort());
        for (const e of experts) {
          const taken = proposal.assignments.filter((a) => a.expertId === e.expertId).length;
          expect(taken).toBeLessThanOrEqual(e.active ? e.capacity - e.activeFiles : 0);
        }
        for (const a of proposal.assignments) {
          const c = candidates.find((x) => x.applicationId === a.applicationId)!;
          const e = experts.find((x) => x.expertId === a.expertId)!;
          expect(compatible(c, e)).toBe(true);
          expect(a.score).toBe(fitOf(c, e).score);
        }
        const value = worthOf(proposal.assignments, candidates, experts);
        expect(proposal.objective).toBe(value);
        expect(value).toBe(lpOptimum(candidates, experts));
      }),
      { numRuns: 150, seed: 20_261_126 },
    );
  });

  it('explains each pair and says why a retailer is left out', () => {
    const experts: ExpertProfile[] = [
      {
        expertId: 'montreal',
        regions: ['06'],
        languages: ['fr'],
        specialties: ['online_marketing_social'],
        capacity: 1,
        activeFiles: 0,
        active: true,
      },
    ];
    const candidates: Candidate[] = [
      {
        applicationId: 'a1',
        region: '06',
        language: 'fr',
        weakest: ['marketing', 'data'],
        previousExpertId: null,
      },
      { applicationId: 'a2', region: '06', language: 'fr', weakest: [], previousExpertId: null },
      { applicationId: 'a3', region: '06', language: 'en', weakest: [], previousExpertId: null },
    ];
    const proposal = propose(candidates, experts);
    expect(proposal.assignments).toEqual([
      {
        applicationId: 'a1',
        expertId: 'montreal',
        score: FIT_POINTS.region + FIT_POINTS.weakest,
        reasons: [
          { key: 'same_region', region: '06' },
          { key: 'speaks', language: 'fr' },
          { key: 'specialty', specialty: 'online_marketing_social', dimension: 'marketing', rank: 1 },
        ],
      },
    ]);
    expect(proposal.unassigned).toEqual([
      { applicationId: 'a2', reason: 'no_capacity' },
      { applicationId: 'a3', reason: 'no_expert_for_language' },
    ]);
  });

  it('balances equal fits: the less loaded expert gets the next file', () => {
    const twin = (expertId: string, activeFiles: number): ExpertProfile => ({
      expertId,
      regions: ['06'],
      languages: ['fr'],
      specialties: [],
      capacity: 10,
      activeFiles,
      active: true,
    });
    const candidates: Candidate[] = Array.from({ length: 4 }, (_, i) => ({
      applicationId: `a${i}`,
      region: '06',
      language: 'fr',
      weakest: [],
      previousExpertId: null,
    }));
    const proposal = propose(candidates, [twin('busy', 7), twin('free', 2)]);
    expect(proposal.assignments.every((a) => a.expertId === 'free')).toBe(true);
  });
});
