import { describe, expect, it } from 'vitest';
import { sourceOf } from './ledger-source.ts';

describe('ledger entry sources', () => {
  it('reads the kind and what it names, as the use cases write them', () => {
    expect(sourceOf('claim:0195f0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b')).toEqual({
      kind: 'claim',
      ref: '0195f0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b',
    });
    expect(sourceOf('year-end:2026-2027')).toEqual({ kind: 'year-end', ref: '2026-2027' });
  });

  it('names nothing for an empty, unknown or truncated source', () => {
    expect(sourceOf(null)).toBeNull();
    expect(sourceOf('')).toBeNull();
    expect(sourceOf('import:42')).toBeNull();
    expect(sourceOf('claim:')).toBeNull();
    expect(sourceOf('claim')).toBeNull();
  });
});
