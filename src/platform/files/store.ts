import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { SNIFF_BYTES } from './sniff.ts';

/** A file written aside while it was received: kept under its hash, or discarded. */
export type StagedFile = {
  sha256: string;
  sizeBytes: number;
  /** The first bytes, for sniffing what the file is. */
  head: Uint8Array;
  /** Moves it into the store (a file with the same content is stored once). */
  keep(): Promise<void>;
  /** Forgets it; harmless after keep(). */
  discard(): Promise<void>;
};

/**
 * Where uploaded files live, by the SHA-256 of their content. One interface, so that another backend
 * (object storage shared by several processes) can replace the folder without touching a use case.
 */
export type FileStore = {
  /**
   * Receives a file, refusing it (413 naming `field`) as soon as it passes `maxBytes`: the rest is
   * never read, and nothing stays behind.
   */
  stage(content: ReadableStream<Uint8Array>, limit: { maxBytes: number; field: string }): Promise<StagedFile>;
  /** The content as a stream, or undefined if the store does not hold it. */
  read(sha256: string): Promise<ReadableStream<Uint8Array> | undefined>;
  has(sha256: string): Promise<boolean>;
  /**
   * The hashes of the files last kept before `before` (a file kept again, because a new record holds
   * the same content, counts from then): what a retention sweep may consider unreferenced.
   */
  keptBefore(before: Date): AsyncIterable<string>;
  /**
   * Erases a file's bytes, unless it was kept again since `keptBefore` (a new record may be about to
   * hold it); harmless when the store does not hold it.
   */
  remove(sha256: string, keptBefore?: Date): Promise<void>;
};

const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/**
 * The store in a folder (FILES_DIR): `ab/cd/<sha256>`, written to `tmp/` first then renamed into place
 * after an fsync, so a reader never sees half a file and a crash leaves only a temporary file.
 */
export function folderFileStore(root: string): FileStore {
  const tmpDir = path.join(root, 'tmp');
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  return {
    async stage(content, { maxBytes, field }) {
      await mkdir(tmpDir, { recursive: true, mode: 0o700 });
      const tmpPath = path.join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
      const handle = await open(tmpPath, 'wx', 0o600);
      const hash = createHash('sha256');
      const head = new Uint8Array(SNIFF_BYTES);
      let sizeBytes = 0;
      const reader = content.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (sizeBytes < SNIFF_BYTES) head.set(value.subarray(0, SNIFF_BYTES - sizeBytes), sizeBytes);
          sizeBytes += value.byteLength;
          if (sizeBytes > maxBytes) {
            await reader.cancel();
            throw fileTooLarge(field, maxBytes);
          }
          hash.update(value);
          await handle.write(value);
        }
        await handle.sync();
      } catch (error) {
        await handle.close();
        await rm(tmpPath, { force: true });
        throw error;
      }
      await handle.close();
      const sha256 = hash.digest('hex');
      return {
        sha256,
        sizeBytes,
        head: head.subarray(0, Math.min(sizeBytes, SNIFF_BYTES)),
        keep: async () => {
          const target = pathOf(sha256);
          if (await exists(target)) {
            // Kept again now: a sweep of unreferenced files must not erase it before its row commits.
            const now = new Date();
            await utimes(target, now, now);
            return rm(tmpPath, { force: true });
          }
          await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
          await rename(tmpPath, target);
          await syncFolder(path.dirname(target));
        },
        discard: () => rm(tmpPath, { force: true }),
      };
    },
    async read(sha256) {
      if (!SHA256_PATTERN.test(sha256) || !(await exists(pathOf(sha256)))) return undefined;
      return Readable.toWeb(createReadStream(pathOf(sha256))) as ReadableStream<Uint8Array>;
    },
    async has(sha256) {
      return SHA256_PATTERN.test(sha256) && exists(pathOf(sha256));
    },
    async *keptBefore(before) {
      for (const first of await folders(root)) {
        for (const second of await folders(path.join(root, first))) {
          const folder = path.join(root, first, second);
          for (const name of await readdir(folder).catch(() => [])) {
            if (!SHA256_PATTERN.test(name)) continue;
            const info = await stat(path.join(folder, name)).catch(() => undefined);
            if (info && info.mtime < before) yield name;
          }
        }
      }
    },
    async remove(sha256, keptBefore) {
      if (!SHA256_PATTERN.test(sha256)) return;
      if (keptBefore) {
        const info = await stat(pathOf(sha256)).catch(() => undefined);
        if (!info || info.mtime >= keptBefore) return;
      }
      await rm(pathOf(sha256), { force: true });
    },
  };
}

const stores = new Map<string, FileStore>();

/** The process's file store for this configuration. */
export function fileStoreOf(config: Pick<Config, 'filesDir'>): FileStore {
  let store = stores.get(config.filesDir);
  if (!store) {
    store = folderFileStore(config.filesDir);
    stores.set(config.filesDir, store);
  }
  return store;
}

/** A limit as people read it: 10 for 10 MiB. */
const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** The refusal of a file larger than allowed (413), naming its field and the limit in MB. */
export function fileTooLarge(field: string, maxBytes: number): AppError {
  return new AppError('payload_too_large', {
    fields: [{ path: field, key: 'common:files.too_large', params: { max: megabytes(maxBytes) } }],
  });
}

/** The two-hex-digit folders under `folder` (the store's fan-out), none when it does not exist yet. */
async function folders(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && /^[0-9a-f]{2}$/.test(e.name)).map((e) => e.name);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Makes a rename durable: the folder's entry is on disk, not only the file's bytes. */
async function syncFolder(folder: string) {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
