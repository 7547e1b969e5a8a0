import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAM, programQuery } from './default-program.ts';

describe('programQuery', () => {
  it("leaves the default program's addresses as they were, and names any other program", () => {
    expect(programQuery(DEFAULT_PROGRAM.slug)).toBe('');
    expect(programQuery(DEFAULT_PROGRAM.slug, { ref: 'SDC1' })).toBe('?ref=SDC1');
    expect(programQuery('petits-commerces')).toBe('?program=petits-commerces');
    expect(programQuery('petits-commerces', { publish: 'a b' })).toBe(
      '?program=petits-commerces&publish=a+b',
    );
  });
});
