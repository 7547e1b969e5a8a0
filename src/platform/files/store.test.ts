import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { folderFileStore } from './store.ts';

const root = mkdtempSync(path.join(tmpdir(), 'virage-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const store = folderFileStore(root);
const limit = { maxBytes: 1024, field: 'file' };

/** Every file under a folder, relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));

/** A stream of `chunks` chunks of `size` bytes, counting how many were pulled. */
function chunked(chunks: number, size: number) {
  const pulled = { count: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count === chunks) return controller.close();
      pulled.count++;
      controller.enqueue(new Uint8Array(size).fill(pulled.count));
    },
  });
  return { stream, pulled };
}

const text = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe('the folder file store', () => {
  it('keeps a file under its SHA-256 and gives it back; the same content is stored once', async () => {
    const content = '%PDF-1.7 facture';
    const sha256 = createHash('sha256').update(content).digest('hex');
    const first = await store.stage(new Blob([content]).stream(), limit);
    expect(first).toMatchObject({ sha256, sizeBytes: content.length });
    expect(Buffer.from(first.head).toString()).toBe('%PDF-1.7');
    expect(await store.has(sha256)).toBe(false);
    await first.keep();
    const second = await store.stage(new Blob([content]).stream(), limit);
    await second.keep();
    expect(await text((await store.read(sha256))!)).toBe(content);
    expect(filesUnder(root)).toEqual([path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256)]);
  });

  it('stops reading a file as soon as it passes the limit, and leaves nothing behind', async () => {
    const { stream, pulled } = chunked(1000, 512);
    const error = await store.stage(stream, limit).catch((e) => e);
    expect(isAppError(error) && error.code).toBe('payload_too_large');
    expect(error.fields).toEqual([{ path: 'file', key: 'common:files.too_large', params: { max: 0 } }]);
    expect(pulled.count).toBeLessThanOrEqual(4);
    expect(filesUnder(path.join(root, 'tmp'))).toEqual([]);
  });

  it('forgets a discarded file', async () => {
    const staged = await store.stage(new Blob(['abandoned']).stream(), limit);
    await staged.discard();
    expect(await store.has(staged.sha256)).toBe(false);
    expect(filesUnder(path.join(root, 'tmp'))).toEqual([]);
  });

  it('answers nothing for an unknown or malformed hash, never a path outside the store', async () => {
    expect(await store.read('0'.repeat(64))).toBeUndefined();
    expect(await store.read('../../etc/passwd')).toBeUndefined();
    expect(await store.has('../tmp')).toBe(false);
  });

  it('lists the files kept before an instant, counting a file kept again from then, and erases one', async () => {
    const kept = async (content: string) => {
      const staged = await store.stage(new Blob([content]).stream(), limit);
      await staged.keep();
      return staged.sha256;
    };
    const old = await kept('reçu ancien');
    const again = await kept('reçu repris');
    const hashes = async (before: Date) => {
      const found: string[] = [];
      for await (const sha256 of store.keptBefore(before)) found.push(sha256);
      return found;
    };
    const later = new Date(Date.now() + 60_000);
    expect(await hashes(later)).toEqual(expect.arrayContaining([old, again]));
    const past = new Date(Date.now() - 60_000);
    const fileOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    await utimes(fileOf(old), past, past);
    await utimes(fileOf(again), past, past);
    await kept('reçu repris');
    expect(await hashes(new Date(Date.now() - 1000))).toEqual([old]);
    await store.remove(old);
    await store.remove('../tmp');
    expect(await store.has(old)).toBe(false);
    expect(await store.has(again)).toBe(true);
  });
});
