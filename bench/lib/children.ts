/** Child processes and temporary folders of a benchmark run, all cleaned up whatever happens. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** How Virage and the yardstick run TypeScript: the same flags as `npm start`. */
export const NODE_FLAGS = ['--experimental-strip-types', '--no-warnings=ExperimentalWarning'];

export type Child = {
  name: string;
  process: ChildProcess;
  pid: number;
  /** stdout and stderr so far (the last 64 KiB). */
  output(): string;
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
};

const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export function startChild(
  name: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; stdin?: string },
): Child {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: options.env,
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`Could not start ${name}`);
  live.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 65_536) output = output.slice(-65_536);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return { name, process: child, pid: child.pid, output: () => output, exited };
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<number | string> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return child.exited;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  try {
    return await child.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a command to completion and returns its output; throws with the output when it fails. */
export async function runToEnd(
  name: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; stdin?: string; timeoutMs?: number },
): Promise<string> {
  const child = startChild(name, args, options);
  const timer = setTimeout(() => child.process.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const code = await child.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${name} failed (${code}):\n${child.output()}`);
  return child.output();
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDirs() {
  for (const dir of tempDirs) {
    rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
}

function killAll() {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/**
 * Last-resort cleanup: on Ctrl-C or SIGTERM, run `cleanup` (dropping databases...) then exit; on any
 * exit, kill what is still running and remove the temporary folders.
 */
let interrupted = false;

/** Whether the run was interrupted (Ctrl-C, SIGTERM): failures after that are expected. */
export function wasInterrupted() {
  return interrupted;
}

export function installExitHandlers(cleanup: () => Promise<void>) {
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping the benchmark and cleaning up…\n`);
    killAll();
    const timer = setTimeout(() => process.exit(130), 10_000);
    cleanup()
      .catch(() => {})
      .finally(() => {
        clearTimeout(timer);
        process.exit(130);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', () => {
    killAll();
    removeTempDirs();
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200; fails early if the process ends or after `timeoutMs`. */
export async function waitFor200(url: string, child: Child, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let ended = false;
  void child.exited.then(() => {
    ended = true;
  });
  while (performance.now() < deadline) {
    if (ended) throw new Error(`${child.name} ended before answering ${url}:\n${child.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${child.name} did not answer ${url} within ${timeoutMs} ms:\n${child.output()}`);
}

/** Resident memory of a process, from /proc (Linux): current and peak, in MiB. */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}
