import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFolderLockedError, lockDataFolder } from './lock.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'virage-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('data folder lock', () => {
  it('is exclusive while held and free once released', () => {
    const folder = path.join(dir, 'a');
    const lock = lockDataFolder(folder);
    const holder = JSON.parse(readFileSync(path.join(folder, 'virage.lock'), 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => lockDataFolder(folder)).toThrow(DataFolderLockedError);
    lock.release();
    lockDataFolder(folder).release();
  });

  it('takes over at once from a holder that has died', () => {
    const folder = path.join(dir, 'b');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    lockDataFolder(folder).release();
    writeFileSync(
      path.join(folder, 'virage.lock'),
      JSON.stringify({ pid: Number(dead.stdout), startTime: '1', host: hostname(), since: '2020-01-01' }),
    );
    const lock = lockDataFolder(folder);
    expect(lock.holder.pid).toBe(process.pid);
    lock.release();
  });

  it('does not mistake a live process that reused a dead holder’s PID for the holder', () => {
    const folder = path.join(dir, 'c');
    lockDataFolder(folder).release();
    // Our own PID, but another start time: the recorded holder is gone.
    writeFileSync(
      path.join(folder, 'virage.lock'),
      JSON.stringify({ pid: process.pid, startTime: 'another', host: hostname(), since: '2020-01-01' }),
    );
    lockDataFolder(folder).release();
  });

  it('treats a half-written lock file as stale', () => {
    const folder = path.join(dir, 'd');
    lockDataFolder(folder).release();
    writeFileSync(path.join(folder, 'virage.lock'), '{"pid":');
    lockDataFolder(folder).release();
  });
});
