import { linkSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** Who holds the data folder: enough to tell a live holder from a dead one, even after PID reuse. */
type LockHolder = { pid: number; startTime: string; host: string; since: string };

export class DataFolderLockedError extends Error {
  readonly dataDir: string;
  readonly holder: LockHolder;
  constructor(dataDir: string, holder: LockHolder) {
    super(
      `Another Virage (process ${holder.pid}, started ${holder.since}) is using the data folder ${dataDir}; ` +
        'stop it first, or give this one another DATA_DIR.',
    );
    this.dataDir = dataDir;
    this.holder = holder;
  }
}

/** Process start time from /proc (Linux): distinguishes a reused PID from the original holder. */
function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return undefined; // zombie or dead
    return fields[19];
  } catch {
    return undefined;
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // cannot tell for another host: assume alive
  const start = processStartTime(holder.pid);
  if (start !== undefined) return start === holder.startTime;
  try {
    process.kill(holder.pid, 0);
    return process.platform !== 'linux'; // on Linux /proc would have answered for a live process
  } catch {
    return false;
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

export type DataFolderLock = { release(): void; holder: LockHolder };

/** Creates `file` with `content` atomically and exclusively: readers never see it half-written. */
function createExclusive(file: string, content: string): boolean {
  const draft = `${file}.${process.pid}.draft`;
  writeFileSync(draft, content, { mode: 0o600 });
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

/**
 * Removes a stale lock under a short-lived takeover guard, so that two newcomers who both saw the
 * same stale lock cannot both remove it (the second would otherwise delete the first one's new lock).
 */
function removeStaleLock(file: string): void {
  const guard = `${file}.takeover`;
  if (!createExclusive(guard, String(process.pid))) {
    // Someone else is taking over; a guard left by a crash expires after a few seconds.
    const guardStat = statSync(guard, { throwIfNoEntry: false });
    if (guardStat && Date.now() - guardStat.mtimeMs > 5000) rmSync(guard, { force: true });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20); // let the other finish
    return;
  }
  try {
    const holder = readHolder(file);
    if (!holder || !isAlive(holder)) rmSync(file, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

/**
 * Takes the exclusive lock on a data folder: a file holding PID, process start time and host.
 * A stale lock (dead or zombie holder) is taken over at once. Two live processes never share a folder.
 */
export function lockDataFolder(dataDir: string): DataFolderLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'virage.lock');
  const me: LockHolder = {
    pid: process.pid,
    startTime: processStartTime(process.pid) ?? 'unknown',
    host: hostname(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(file, JSON.stringify(me))) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readHolder(file)?.pid === me.pid) rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { release, holder: me };
    }
    const holder = readHolder(file);
    if (holder && isAlive(holder)) throw new DataFolderLockedError(dataDir, holder);
    removeStaleLock(file);
  }
  throw new DataFolderLockedError(dataDir, readHolder(file) ?? me);
}

/** The live holder of a data folder, if any (used by the CLI to reach a running server). */
export function currentHolder(dataDir: string): LockHolder | undefined {
  const holder = readHolder(path.join(dataDir, 'virage.lock'));
  return holder && isAlive(holder) ? holder : undefined;
}
