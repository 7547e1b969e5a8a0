/**
 * Benchmark of the expert-assignment solver (src/modules/experts/domain/min-cost-flow.ts) on deterministic
 * synthetic instances shaped like the real ones:
 *   (a) 3,000 retailers / 12 experts, grouped by region × language × weakest-dimension profile (~300 groups);
 *   (b) 300,000 retailers / 1,200 experts (~2,000 groups).
 * Each expert has capacity 250 split 60 / 25 / 15 % at costs 0 / 1 / 3; an allowed pair (same language)
 * costs -(1,000,000 + fit) with fit 0–300 from region, language and specialty overlap; unassigned costs 0.
 * Prints the median of 3 solve times (wall clock; instance generation not included) against the targets,
 * with the process CPU time of the same runs (other processes on the machine inflate the wall clock only).
 *
 *   node --experimental-strip-types --no-warnings=ExperimentalWarning bench/solver.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  solveTransportation,
  type TransportationProblem,
} from '../src/modules/experts/domain/min-cost-flow.ts';

const REGIONS = 17;
const LANGUAGES = 2;
const DIMENSIONS = 8;
const RUNS = 3;

/** Deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Index drawn with probability proportional to weights (cumulative table, binary search). */
function sampler(weights: number[], random: () => number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) {
    sum += w;
    cumulative.push(sum);
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Weakest-dimension profiles: (weakest, second weakest) ordered pairs of distinct dimensions. */
function profiles(count: number): [number, number][] {
  const list: [number, number][] = [];
  for (let a = 0; a < DIMENSIONS; a++) for (let b = 0; b < DIMENSIONS; b++) if (a !== b) list.push([a, b]);
  return list.slice(0, count);
}

type Instance = { problem: TransportationProblem; retailers: number; experts: number };

function instance(retailers: number, experts: number, profileCount: number, seed: number): Instance {
  const random = prng(seed);
  const regionWeights = Array.from({ length: REGIONS }, () => 1 + random() * 9);
  const drawRegion = sampler(regionWeights, random);
  const drawLanguage = sampler([3, 1], random);
  const shapes = profiles(profileCount);
  const drawProfile = sampler(
    shapes.map(() => 0.2 + random()),
    random,
  );

  // Retailers → groups of identical retailers (region, language, profile).
  const counts = new Map<number, number>();
  for (let r = 0; r < retailers; r++) {
    const key = (drawRegion() * LANGUAGES + drawLanguage()) * shapes.length + drawProfile();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const groups = keys.map((key) => ({
    region: Math.floor(key / (LANGUAGES * shapes.length)),
    language: Math.floor(key / shapes.length) % LANGUAGES,
    profile: shapes[key % shapes.length]!,
    supply: counts.get(key)!,
  }));

  // Experts: a home region, one or two languages (the first is native), two or three specialties.
  const drawSpeaks = sampler([65, 15, 20], random); // first language only, second only, both
  const pool = Array.from({ length: experts }, () => {
    const speaks = drawSpeaks();
    const languages = speaks === 0 ? [0] : speaks === 1 ? [1] : random() < 0.5 ? [0, 1] : [1, 0];
    const specialties = new Set<number>();
    const wanted = 2 + Math.floor(random() * 2);
    while (specialties.size < wanted) specialties.add(Math.floor(random() * DIMENSIONS));
    return { region: drawRegion(), languages, specialties };
  });

  const capacity = 250;
  const first = Math.floor(capacity * 0.6);
  const second = Math.floor(capacity * 0.85) - first;
  const sinks = pool.map(() => ({
    segments: [
      { capacity: first, cost: 0 },
      { capacity: second, cost: 1 },
      { capacity: capacity - first - second, cost: 3 },
    ],
  }));

  const arcs: TransportationProblem['arcs'] = [];
  groups.forEach((g, i) => {
    pool.forEach((e, j) => {
      if (!e.languages.includes(g.language)) return; // language mismatch: not allowed
      const fit =
        (e.region === g.region ? 100 : 0) +
        (e.languages[0] === g.language ? 50 : 0) +
        (e.specialties.has(g.profile[0]) ? 90 : 0) +
        (e.specialties.has(g.profile[1]) ? 60 : 0);
      arcs.push({ source: i, sink: j, cost: -(1_000_000 + fit) });
    });
  });

  return {
    problem: { sources: groups.map((g) => ({ supply: g.supply })), sinks, arcs, unassignedCost: 0 },
    retailers,
    experts,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const cases = [
  { name: '(a)', make: () => instance(3_000, 12, 9, 1), target: 100 },
  { name: '(b)', make: () => instance(300_000, 1_200, 59, 2), target: 10_000 },
];

const rows: string[][] = [
  [
    'case',
    'retailers',
    'experts',
    'sources',
    'sinks',
    'arcs',
    'assigned',
    'median ms',
    'runs ms',
    'cpu ms',
    'target ms',
    'ok',
  ],
];
for (const c of cases) {
  const { problem, retailers, experts } = c.make();
  const times: number[] = [];
  const cpu: number[] = [];
  let assigned = 0;
  for (let run = 0; run < RUNS; run++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const solution = solveTransportation(problem);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    assigned = solution.flows.reduce((a, b) => a + b, 0);
  }
  const ms = median(times);
  rows.push([
    c.name,
    String(retailers),
    String(experts),
    String(problem.sources.length),
    String(problem.sinks.length),
    String(problem.arcs.length),
    String(assigned),
    ms.toFixed(1),
    times.map((t) => t.toFixed(0)).join('/'),
    cpu.map((t) => t.toFixed(0)).join('/'),
    String(c.target),
    ms <= c.target ? 'yes' : 'NO',
  ]);
}
const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
for (const r of rows) console.log(r.map((cell, col) => cell.padStart(widths[col]!)).join('  '));
writeFileSync(
  path.join(import.meta.dirname, 'RESULTS-solver.md'),
  [
    '# Assignment solver benchmark',
    '',
    `Written by \`bench/solver.ts\` on ${new Date().toISOString()} (Node ${process.version}): the min-cost-flow ` +
      `solver alone, median of ${RUNS} solves (wall clock), instance generation not included.`,
    '',
    ...rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? `\n|${r.map(() => ' --- |').join('')}` : ''}`),
    '',
  ].join('\n'),
);
