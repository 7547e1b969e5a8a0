/** The DESIGN §5 targets shared by request scenarios. */
import type { BenchContext, Check, Comparison, Paced } from './types.ts';

export const MIN_RATIO = 0.5;
/** DESIGN §5: latency budgets hold "under a sustained 100 requests/s". */
export const PACED_RATE = 100;

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Throughput ≥ 50 % of the yardstick, and p95 under the page/API budget at the paced rate. */
export function requestChecks(bench: BenchContext, comparison: Comparison, paced: Paced): Check[] {
  const ratio = comparison.virage.rps / comparison.bare.rps;
  const budget = bench.engine === 'embedded' ? 50 : 100;
  const at = bench.engine === 'embedded' ? '3,000 retailers' : '300,000 retailers';
  const achieved = paced.result.rps;
  return [
    {
      engine: bench.engine,
      target: `${comparison.scenario}: throughput ≥ ${MIN_RATIO * 100} % of bare`,
      measured: `${(ratio * 100).toFixed(0)} %`,
      pass: ratio >= MIN_RATIO,
    },
    {
      engine: bench.engine,
      target: `${comparison.scenario}: p95 < ${budget} ms at ${paced.rate} req/s (DESIGN: at ${at})`,
      measured: ms(paced.result.p95),
      // Also a failure when Virage could not keep up with the rate at all.
      pass: paced.result.p95 < budget && achieved >= paced.rate * 0.9,
      note:
        `client-side, ${paced.rate} req/s of this request alone (achieved ${achieved.toFixed(0)}), ` +
        `${bench.retailers.toLocaleString('en-CA')} demo retailers`,
    },
  ];
}
