import { describe, expect, it } from 'vitest';
import { readAhead } from './read-ahead.ts';

/** Pages of `size` numbers from 1 to `total`, read by key, recording when each read starts. */
function pagedNumbers(total: number, size: number) {
  const reads: (number | null)[] = [];
  const read = async (after: number | null) => {
    reads.push(after);
    const from = (after ?? 0) + 1;
    return Array.from({ length: Math.max(0, Math.min(size, total - from + 1)) }, (_, i) => from + i);
  };
  return { reads, read };
}

describe('readAhead', () => {
  it('hands every page over once, in key order, and stops at the first empty page', async () => {
    const { reads, read } = pagedNumbers(7, 3);
    const pages: number[][] = [];
    for await (const page of readAhead(read)) pages.push(page);
    expect(pages).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(reads).toEqual([null, 3, 6, 7]);
  });

  it('has the next page asked for while the current one is being worked on', async () => {
    const { reads, read } = pagedNumbers(6, 3);
    const pages = readAhead(read);
    await pages.next();
    expect(reads).toEqual([null, 3]);
    await pages.return();
  });

  it('lets a caller stop early without a read failing unheard, and reads nothing more', async () => {
    const reads: (number | null)[] = [];
    const read = async (after: number | null) => {
      reads.push(after);
      if (after !== null) throw new Error('the connection was closed');
      return [1, 2];
    };
    await expect(
      (async () => {
        for await (const _ of readAhead(read)) throw new Error('the write failed');
      })(),
    ).rejects.toThrow('the write failed');
    expect(reads).toEqual([null, 2]);
  });
});
