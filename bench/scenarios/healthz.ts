import type { Scenario } from '../lib/types.ts';

/** A sanity check of the load generator and of the bare HTTP cost: one `select 1` and a small JSON. */
export const healthz: Scenario = {
  name: 'healthz',
  async run(bench) {
    const comparison = await bench.compare(
      'GET /healthz',
      { path: '/healthz', expect: '"ok"' },
      { duration: Math.min(bench.load.duration, 4), warmup: Math.min(bench.load.warmup, 1) },
    );
    return { comparisons: [comparison], checks: [] };
  },
};
