import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  solveTransportation,
  type TransportationProblem,
  type TransportationSolution,
} from './min-cost-flow.ts';

/** Recomputes the cost of a solution, each sink filling its segments in order. */
function costOf(problem: TransportationProblem, solution: TransportationSolution): number {
  let total = 0;
  const load = new Array<number>(problem.sinks.length).fill(0);
  problem.arcs.forEach((a, e) => {
    const f = solution.flows[e]!;
    total += f * a.cost;
    load[a.sink]! += f;
  });
  solution.unassigned.forEach((u) => {
    total += u * problem.unassignedCost;
  });
  problem.sinks.forEach((sink, j) => {
    let rest = load[j]!;
    for (const seg of sink.segments) {
      const used = Math.min(rest, seg.capacity);
      total += used * seg.cost;
      rest -= used;
    }
  });
  return total;
}

/** Throws unless the solution is integral and feasible; returns its recomputed cost. */
function expectFeasible(problem: TransportationProblem, solution: TransportationSolution): number {
  expect(solution.flows).toHaveLength(problem.arcs.length);
  expect(solution.unassigned).toHaveLength(problem.sources.length);
  const problems: string[] = [];
  const out = new Array<number>(problem.sources.length).fill(0);
  const load = new Array<number>(problem.sinks.length).fill(0);
  problem.arcs.forEach((a, e) => {
    const f = solution.flows[e]!;
    if (!Number.isInteger(f) || f < 0) problems.push(`flow ${e} = ${f}`);
    out[a.source]! += f;
    load[a.sink]! += f;
  });
  problem.sources.forEach((s, i) => {
    const u = solution.unassigned[i]!;
    if (!Number.isInteger(u) || u < 0) problems.push(`unassigned ${i} = ${u}`);
    if (out[i]! + u !== s.supply) problems.push(`source ${i} sends ${out[i]! + u} of ${s.supply}`);
  });
  problem.sinks.forEach((sink, j) => {
    const capacity = sink.segments.reduce((sum, seg) => sum + seg.capacity, 0);
    if (load[j]! > capacity) problems.push(`sink ${j} receives ${load[j]} > ${capacity}`);
  });
  expect(problems).toEqual([]);
  const cost = costOf(problem, solution);
  expect(solution.totalCost).toBe(cost);
  return cost;
}

/** The same problem as a CPLEX LP text: x<e> per arc, y<j>_<k> per segment, u<i> per source. */
function toLp(problem: TransportationProblem): string {
  const term = (coef: number, name: string) => `${coef < 0 ? '-' : '+'} ${Math.abs(coef)} ${name}`;
  const objective: string[] = [];
  const bySource: string[][] = problem.sources.map((_, i) => [`+ 1 u${i}`]);
  const bySink: string[][] = problem.sinks.map(() => []);
  problem.arcs.forEach((a, e) => {
    objective.push(term(a.cost, `x${e}`));
    bySource[a.source]!.push(`+ 1 x${e}`);
    bySink[a.sink]!.push(`+ 1 x${e}`);
  });
  const bounds: string[] = [];
  problem.sinks.forEach((sink, j) => {
    sink.segments.forEach((seg, k) => {
      objective.push(term(seg.cost, `y${j}_${k}`));
      bySink[j]!.push(`- 1 y${j}_${k}`);
      bounds.push(` 0 <= y${j}_${k} <= ${seg.capacity}`);
    });
  });
  problem.sources.forEach((_, i) => {
    objective.push(term(problem.unassignedCost, `u${i}`));
  });
  const rows = [
    ...problem.sources.map((s, i) => ` src${i}: ${bySource[i]!.join(' ')} = ${s.supply}`),
    ...bySink.flatMap((terms, j) => (terms.length > 0 ? [` snk${j}: ${terms.join(' ')} = 0`] : [])),
  ];
  return ['Minimize', ` obj: ${objective.join(' ')}`, 'Subject To', ...rows, 'Bounds', ...bounds, 'End'].join(
    '\n',
  );
}

let highs: Highs;

beforeAll(async () => {
  highs = await (await import('highs')).default({});
});

function lpOptimum(problem: TransportationProblem): number {
  const result = highs.solve(toLp(problem), { output_flag: false });
  expect(result.Status).toBe('Optimal');
  return result.ObjectiveValue;
}

const seg = (capacity: number, cost: number) => ({ capacity, cost });

describe('solveTransportation: hand-made cases', () => {
  it('assigns everything to the cheapest sink when capacity allows', () => {
    const problem: TransportationProblem = {
      sources: [{ supply: 5 }],
      sinks: [{ segments: [seg(10, 0)] }, { segments: [seg(10, 0)] }],
      arcs: [
        { source: 0, sink: 0, cost: 3 },
        { source: 0, sink: 1, cost: 1 },
      ],
      unassignedCost: 100,
    };
    const solution = solveTransportation(problem);
    expect(solution).toEqual({ flows: [0, 5], unassigned: [0], totalCost: 5 });
  });

  it('leaves the shortfall unassigned when capacity runs out', () => {
    const problem: TransportationProblem = {
      sources: [{ supply: 8 }, { supply: 4 }],
      sinks: [{ segments: [seg(5, 0)] }],
      arcs: [
        { source: 0, sink: 0, cost: -10 },
        { source: 1, sink: 0, cost: -20 },
      ],
      unassignedCost: 0,
    };
    const solution = solveTransportation(problem);
    expect(solution.flows).toEqual([1, 4]);
    expect(solution.unassigned).toEqual([7, 0]);
    expect(solution.totalCost).toBe(-90);
    expectFeasible(problem, solution);
  });

  it('takes profits (negative costs), even large ones', () => {
    const problem: TransportationProblem = {
      sources: [{ supply: 3 }, { supply: 3 }],
      sinks: [{ segments: [seg(3, 0)] }, { segments: [seg(3, 0)] }],
      arcs: [
        { source: 0, sink: 0, cost: -1_000_100 },
        { source: 0, sink: 1, cost: -1_000_000 },
        { source: 1, sink: 0, cost: -1_000_300 },
        { source: 1, sink: 1, cost: -1_000_050 },
      ],
      unassignedCost: 0,
    };
    const solution = solveTransportation(problem);
    // 0→1 and 1→0 (-6_000_900) beat 0→0 and 1→1 (-6_000_450).
    expect(solution.flows).toEqual([0, 3, 3, 0]);
    expect(solution.totalCost).toBe(-6_000_900);
  });

  it('fills the segments of a sink in order and spreads the load once they get dearer', () => {
    const problem: TransportationProblem = {
      sources: [{ supply: 10 }],
      sinks: [
        { segments: [seg(6, 0), seg(2, 1), seg(2, 3)] },
        { segments: [seg(6, 0), seg(2, 1), seg(2, 3)] },
      ],
      arcs: [
        { source: 0, sink: 0, cost: -5 },
        { source: 0, sink: 1, cost: -4 },
      ],
      unassignedCost: 0,
    };
    const solution = solveTransportation(problem);
    // Marginal costs: sink 0: 6 × -5, 2 × -4, 2 × -2; sink 1: 6 × -4, 2 × -3, 2 × -1. The ten cheapest:
    // 6 × -5 and 4 of the 8 units at -4, so sink 0 takes 6 to 8 units: -30 - 16 = -46.
    expect(solution.flows[0]).toBeGreaterThanOrEqual(6);
    expect(solution.flows[0]).toBeLessThanOrEqual(8);
    expectFeasible(problem, solution);
    // Three dear segments: only used when assigning beats leaving unassigned.
    const dear: TransportationProblem = {
      sources: [{ supply: 10 }],
      sinks: [{ segments: [seg(4, 0), seg(3, 2), seg(3, 7)] }],
      arcs: [{ source: 0, sink: 0, cost: -5 }],
      unassignedCost: 0,
    };
    const d = solveTransportation(dear);
    expect(d).toEqual({ flows: [7], unassigned: [3], totalCost: -20 - 9 });
  });

  it('handles a source without arcs, zero supplies, zero capacities and empty problems', () => {
    const problem: TransportationProblem = {
      sources: [{ supply: 4 }, { supply: 0 }, { supply: 6 }],
      sinks: [{ segments: [] }, { segments: [seg(0, 0), seg(5, 2)] }, { segments: [seg(0, 1)] }],
      arcs: [
        { source: 1, sink: 1, cost: -3 },
        { source: 2, sink: 0, cost: -9 },
        { source: 2, sink: 1, cost: -3 },
        { source: 2, sink: 2, cost: -9 },
      ],
      unassignedCost: 10,
    };
    const solution = solveTransportation(problem);
    expect(solution.flows).toEqual([0, 0, 5, 0]);
    expect(solution.unassigned).toEqual([4, 0, 1]);
    expect(solution.totalCost).toBe(40 + 5 * (-3 + 2) + 10);
    expectFeasible(problem, solution);
    expect(solveTransportation({ sources: [], sinks: [], arcs: [], unassignedCost: 5 })).toEqual({
      flows: [],
      unassigned: [],
      totalCost: 0,
    });
    expect(solveTransportation({ sources: [{ supply: 0 }], sinks: [], arcs: [], unassignedCost: 5 })).toEqual(
      {
        flows: [],
        unassigned: [0],
        totalCost: 0,
      },
    );
  });

  it('is optimal on degenerate ties (equal costs everywhere, supply equal to capacity)', () => {
    const n = 6;
    const problem: TransportationProblem = {
      sources: Array.from({ length: n }, () => ({ supply: 3 })),
      sinks: Array.from({ length: n }, () => ({ segments: [seg(3, 0), seg(3, 0)] })),
      arcs: Array.from({ length: n * n }, (_, e) => ({ source: Math.floor(e / n), sink: e % n, cost: -7 })),
      unassignedCost: 0,
    };
    const solution = solveTransportation(problem);
    expect(solution.totalCost).toBe(-7 * 3 * n);
    expect(solution.unassigned.every((u) => u === 0)).toBe(true);
    expectFeasible(problem, solution);
  });

  it('follows long alternating chains (deep basis trees, no recursion)', () => {
    // Source i reaches sink i (-1) and sink i + 1 (-2), every capacity 1: the best matching shifts everyone
    // by one, leaving sink 0 empty and the last source unassigned.
    const n = 5000;
    const problem: TransportationProblem = {
      sources: Array.from({ length: n }, () => ({ supply: 1 })),
      sinks: Array.from({ length: n }, () => ({ segments: [seg(1, 0)] })),
      arcs: Array.from({ length: n }, (_, i) => [
        { source: i, sink: i, cost: -1 },
        ...(i + 1 < n ? [{ source: i, sink: i + 1, cost: -2 }] : []),
      ]).flat(),
      unassignedCost: 0,
    };
    const solution = solveTransportation(problem);
    expect(solution.totalCost).toBe(-2 * (n - 1));
    expect(solution.unassigned[n - 1]).toBe(1);
    expectFeasible(problem, solution);
  });

  it('keeps duplicate pairs as separate arcs and uses the cheaper one', () => {
    const problem: TransportationProblem = {
      sources: [{ supply: 2 }],
      sinks: [{ segments: [seg(5, 0)] }],
      arcs: [
        { source: 0, sink: 0, cost: 4 },
        { source: 0, sink: 0, cost: 1 },
      ],
      unassignedCost: 9,
    };
    expect(solveTransportation(problem)).toEqual({ flows: [0, 2], unassigned: [0], totalCost: 2 });
  });

  it('rejects malformed input', () => {
    const base = { sources: [{ supply: 1 }], sinks: [{ segments: [seg(1, 0)] }], unassignedCost: 0 };
    expect(() => solveTransportation({ ...base, arcs: [{ source: 1, sink: 0, cost: 0 }] })).toThrow(
      RangeError,
    );
    expect(() =>
      solveTransportation({ ...base, arcs: [], unassignedCost: Number.POSITIVE_INFINITY }),
    ).toThrow(RangeError);
    expect(() =>
      solveTransportation({ ...base, sinks: [{ segments: [seg(1, 2), seg(1, 1)] }], arcs: [] }),
    ).toThrow(RangeError);
    expect(() => solveTransportation({ ...base, sources: [{ supply: 1.5 }], arcs: [] })).toThrow(RangeError);
  });
});

/**
 * Random instances: supplies, 1–3 segments per sink with non-decreasing costs in -50..50 (capacities
 * possibly 0), a random subset of the pairs with costs drawn by `arcCost`.
 */
function problemArb(shape: {
  sources: [number, number];
  sinks: [number, number];
  supply: number;
  arcCost: fc.Arbitrary<number>;
  unassignedCost: number;
}): fc.Arbitrary<TransportationProblem> {
  return fc
    .record({
      nSources: fc.integer({ min: shape.sources[0], max: shape.sources[1] }),
      nSinks: fc.integer({ min: shape.sinks[0], max: shape.sinks[1] }),
      density: fc.double({ min: 0.1, max: 1, noNaN: true }),
    })
    .chain(({ nSources, nSinks, density }) =>
      fc.record({
        sources: fc.array(
          fc.integer({ min: 0, max: shape.supply }).map((supply) => ({ supply })),
          { minLength: nSources, maxLength: nSources },
        ),
        sinks: fc.array(
          fc
            .tuple(
              fc.integer({ min: -50, max: 50 }),
              fc.array(
                fc.record({
                  capacity: fc.integer({ min: 0, max: 15 }),
                  step: fc.integer({ min: 0, max: 20 }),
                }),
                { minLength: 1, maxLength: 3 },
              ),
            )
            .map(([start, segments]) => {
              let cost = start;
              return {
                segments: segments.map((s, k) => {
                  if (k > 0) cost = Math.min(50, cost + s.step);
                  return { capacity: s.capacity, cost };
                }),
              };
            }),
          { minLength: nSinks, maxLength: nSinks },
        ),
        arcs: fc
          .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), shape.arcCost), {
            minLength: nSources * nSinks,
            maxLength: nSources * nSinks,
          })
          .map((pairs) =>
            pairs.flatMap(([draw, cost], e) =>
              draw < density ? [{ source: Math.floor(e / nSinks), sink: e % nSinks, cost }] : [],
            ),
          ),
        unassignedCost: fc.constant(shape.unassignedCost),
      }),
    );
}

const small = problemArb({
  sources: [1, 8],
  sinks: [1, 6],
  supply: 20,
  arcCost: fc.integer({ min: -50, max: 50 }),
  unassignedCost: 100,
});

describe('solveTransportation: against an LP solver (HiGHS)', () => {
  /** Solves, checks feasibility and the cost against HiGHS' LP optimum. */
  function agreesWithLp(problem: TransportationProblem): void {
    const cost = expectFeasible(problem, solveTransportation(problem));
    expect(Math.abs(cost - lpOptimum(problem))).toBeLessThan(1e-6);
  }

  it('agrees on 400 small random instances (1–8 sources, 1–6 sinks, costs -50..50)', () => {
    fc.assert(fc.property(small, agreesWithLp), { numRuns: 400 });
  });

  it('agrees on 150 small instances with large profits (-1,000,000 - fit) and nothing to pay unassigned', () => {
    const profits = small.map((p) => ({
      ...p,
      arcs: p.arcs.map((a) => ({ ...a, cost: -(1_000_000 + (a.cost + 50) * 3) })),
      unassignedCost: 0,
    }));
    fc.assert(fc.property(profits, agreesWithLp), { numRuns: 150 });
  });

  it('agrees on 60 medium instances (rows longer than the first working set, passes and pruning)', () => {
    const medium = problemArb({
      sources: [5, 40],
      sinks: [8, 40],
      supply: 40,
      arcCost: fc.integer({ min: -50, max: 50 }),
      unassignedCost: 100,
    });
    fc.assert(fc.property(medium, agreesWithLp), { numRuns: 60 });
  });

  it('agrees on 60 medium instances full of ties (three arc costs)', () => {
    const ties = problemArb({
      sources: [5, 40],
      sinks: [8, 40],
      supply: 40,
      arcCost: fc.integer({ min: -1, max: 1 }).map((c) => c * 10 - 1_000_000),
      unassignedCost: 0,
    });
    fc.assert(fc.property(ties, agreesWithLp), { numRuns: 60 });
  });

  it('agrees on 60 medium instances where every arc costs the same (working set emptied of ties)', () => {
    const flat = problemArb({
      sources: [5, 40],
      sinks: [8, 40],
      supply: 40,
      arcCost: fc.constant(-1_000_000),
      unassignedCost: 0,
    });
    fc.assert(fc.property(flat, agreesWithLp), { numRuns: 60 });
  });
});

describe('solveTransportation: scale', () => {
  it('solves a 2,000 × 300 instance feasibly (not timed)', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const nSources = 2000;
    const nSinks = 300;
    const sources = Array.from({ length: nSources }, () => ({ supply: 1 + Math.floor(random() * 30) }));
    const sinks = Array.from({ length: nSinks }, () => ({ segments: [seg(60, 0), seg(25, 1), seg(15, 3)] }));
    const arcs: TransportationProblem['arcs'] = [];
    for (let i = 0; i < nSources; i++) {
      for (let j = 0; j < nSinks; j++) {
        if ((i + j) % 2 === 0 || random() < 0.2) {
          arcs.push({ source: i, sink: j, cost: -(1_000_000 + Math.floor(random() * 301)) });
        }
      }
    }
    const problem: TransportationProblem = { sources, sinks, arcs, unassignedCost: 0 };
    const solution = solveTransportation(problem);
    expectFeasible(problem, solution);
    // Total capacity (30,000) is below the supply (≈ 31,000): every sink is full.
    const assigned = solution.flows.reduce((a, b) => a + b, 0);
    const supply = sources.reduce((a, s) => a + s.supply, 0);
    expect(assigned).toBe(Math.min(supply, nSinks * 100));
  });
});
