/**
 * Closed-loop load with autocannon (N connections, each sending its next request on each response), and
 * an open loop at an even pace for latency at a given rate.
 */
import autocannon from 'autocannon';
import { atRate } from '../scale/environment.ts';
import { type CpuSample, cpuSample, cpuUse } from './cpu.ts';

export type LoadRequest = {
  path: string;
  headers?: Record<string, string>;
  /** Text the response must contain; checked once on each server before the load. */
  expect?: string;
};

export type LoadSettings = {
  connections: number;
  /** Measured seconds per server, split over `rounds`. */
  duration: number;
  /** Unmeasured seconds per server before the first round (JIT, pools, caches). */
  warmup: number;
  /** Virage and the yardstick take turns this many times, so that a change of background load hits both. */
  rounds: number;
};

/** One measured stretch of load on one server. */
export type Run = {
  latencies: number[];
  bytes: number;
  seconds: number;
  errors: number;
  non2xx: number;
  /** CPU (in cores) used meanwhile by the server, and by processes that have nothing to do with the run. */
  serverCores: number;
  otherCores: number;
};

export type LoadResult = {
  /** Successful (2xx) responses per second over the measured runs. */
  rps: number;
  responses: number;
  /** Client-side latency of 2xx responses, in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Connection errors and timeouts, and responses other than 2xx. */
  errors: number;
  non2xx: number;
  bytesPerResponse: number;
  seconds: number;
  serverCores: number;
  otherCores: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

/** Loads `baseUrl` for `duration` seconds; `pid` is the server's, for its CPU use. */
export function loadOnce(
  baseUrl: string,
  request: LoadRequest,
  connections: number,
  duration: number,
  pid: number,
): Promise<Run> {
  return new Promise<Run>((resolve, reject) => {
    const latencies: number[] = [];
    let bytes = 0;
    let started = 0;
    let before: CpuSample | undefined;
    const instance = autocannon(
      {
        url: new URL(request.path, baseUrl).href,
        connections,
        duration,
        headers: request.headers,
        timeout: 10,
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const seconds = (performance.now() - started) / 1000;
        const use = before ? cpuUse(before, cpuSample(), pid) : { serverCores: NaN, otherCores: NaN };
        resolve({ latencies, bytes, seconds, errors: result.errors, non2xx: result.non2xx, ...use });
      },
    );
    instance.once('start', () => {
      started = performance.now();
      before = cpuSample();
    });
    instance.on('response', (_client: unknown, status: number, resBytes: number, ms: number) => {
      if (status < 200 || status > 299) return;
      latencies.push(ms);
      bytes += resBytes;
    });
  });
}

/**
 * `rate` requests per second for `seconds`, evenly spaced (one every 1000/rate ms), each sent when due
 * whatever the previous ones are doing. Not autocannon's `overallRate`: it sends each second's quota
 * at the start of the second, as fast as the connections allow, which measures bursts, not a pace.
 */
export async function pacedOnce(
  baseUrl: string,
  request: LoadRequest,
  rate: number,
  seconds: number,
  pid: number,
): Promise<Run> {
  const url = new URL(request.path, baseUrl).href;
  const latencies: number[] = [];
  let bytes = 0;
  let errors = 0;
  let non2xx = 0;
  const before = cpuSample();
  const started = performance.now();
  const ticks = Array.from({ length: Math.round(rate * seconds) }, (_, i) => i);
  await atRate(ticks, rate, async () => {
    const sent = performance.now();
    try {
      const response = await fetch(url, { headers: request.headers });
      const body = await response.arrayBuffer();
      if (response.status < 200 || response.status > 299) non2xx++;
      else {
        latencies.push(performance.now() - sent);
        bytes += body.byteLength;
      }
    } catch {
      errors++;
    }
  });
  const elapsed = (performance.now() - started) / 1000;
  return { latencies, bytes, seconds: elapsed, errors, non2xx, ...cpuUse(before, cpuSample(), pid) };
}

/** Several runs of one server as one result. */
export function summarise(runs: Run[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const sum = (pick: (r: Run) => number) => runs.reduce((total, r) => total + pick(r), 0);
  const weighted = (pick: (r: Run) => number) => sum((r) => pick(r) * r.seconds) / seconds;
  return {
    rps: latencies.length / seconds,
    responses: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
    bytesPerResponse: latencies.length ? sum((r) => r.bytes) / latencies.length : 0,
    seconds,
    serverCores: weighted((r) => r.serverCores),
    otherCores: weighted((r) => r.otherCores),
  };
}
