/**
 * Who used the CPU during a measurement (Linux /proc): the loaded server, and everything that is not the
 * benchmark (other people's tests, builds...). On a 2-core machine, background work of a few tenths of a
 * core changes throughput noticeably; the tables show it next to each figure.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux of interest

export type CpuSample = {
  at: number;
  /** user + nice + system + steal over all CPUs (interrupt time excluded: it is mostly our own traffic). */
  busy: number;
  /** utime + stime per process. */
  byPid: Map<number, { comm: string; ticks: number }>;
};

/** Processes that belong to the run: the benchmark itself, the servers, the database server. */
const benchPids = new Set<number>([process.pid]);
let databaseIsOurs = false;

export function countAsBenchmark(pid: number) {
  benchPids.add(pid);
}

/** Whether PostgreSQL's processes work for the benchmark (PostgreSQL runs) or for someone else. */
export function setDatabaseIsOurs(value: boolean) {
  databaseIsOurs = value;
}

export function cpuSample(): CpuSample {
  const byPid = new Map<number, { comm: string; ticks: number }>();
  let busy = Number.NaN;
  try {
    const fields = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    // user nice system idle iowait irq softirq steal
    busy = fields[0]! + fields[1]! + fields[2]! + (fields[7] ?? 0);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        const comm = stat.slice(stat.indexOf('(') + 1, close);
        const rest = stat.slice(close + 2).split(' ');
        byPid.set(Number(entry), { comm, ticks: Number(rest[11]) + Number(rest[12]) });
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    // not Linux: no figures
  }
  return { at: performance.now(), busy, byPid };
}

const ticksOf = (sample: CpuSample, pid: number) => sample.byPid.get(pid)?.ticks ?? 0;

/** CPU used between two samples, in cores: by `serverPid`, and by processes outside the benchmark. */
export function cpuUse(before: CpuSample, after: CpuSample, serverPid: number) {
  const seconds = (after.at - before.at) / 1000;
  let ours = 0;
  for (const [pid, { comm, ticks }] of after.byPid) {
    if (benchPids.has(pid) || (databaseIsOurs && comm === 'postgres')) {
      ours += ticks - ticksOf(before, pid);
    }
  }
  const cores = (ticks: number) => ticks / TICKS_PER_SECOND / seconds;
  return {
    serverCores: cores(ticksOf(after, serverPid) - ticksOf(before, serverPid)),
    otherCores: Math.max(0, cores(after.busy - before.busy - ours)),
  };
}

/**
 * Waits (at most `maxSeconds`) until processes outside the benchmark use less than `threshold` cores
 * over half a second; returns how long it waited. Someone's test run on a shared machine is the usual cause.
 */
export async function waitForQuiet(maxSeconds: number, threshold = 0.25): Promise<number> {
  const started = performance.now();
  while (true) {
    const before = cpuSample();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { otherCores } = cpuUse(before, cpuSample(), -1);
    const waited = (performance.now() - started) / 1000;
    if (!(otherCores >= threshold) || waited >= maxSeconds) return waited;
  }
}
