import { describe, expect, it } from 'vitest';
import { amendmentReasons, programOpenForOffers } from './agreements.ts';

const line = (id: string, amountCents: number, category = 'website' as const) => ({
  id,
  category,
  description: id,
  amountCents,
});

describe('amendments', () => {
  const before = [line('a', 100_000), line('b', 50_000)];
  const same = { beforeCents: 100, afterCents: 100 };

  it('applies a change of 20 % or less directly', () => {
    expect(amendmentReasons(before, [line('a', 120_000), line('b', 40_000)], same)).toEqual([]);
  });

  it('needs approval for a line changing by more than 20 %, a substituted item or a bigger grant', () => {
    expect(amendmentReasons(before, [line('a', 120_001), line('b', 50_000)], same)).toEqual(['large_change']);
    expect(
      amendmentReasons(before, [line('a', 100_000), { ...line('b', 50_000), category: 'training' }], same),
    ).toEqual(['substitution']);
    expect(amendmentReasons(before, [line('a', 100_000)], same)).toEqual(['substitution']);
    expect(amendmentReasons(before, [...before, { ...line('c', 1), id: null }], same)).toEqual([
      'substitution',
    ]);
    expect(amendmentReasons(before, before, { beforeCents: 100, afterCents: 101 })).toEqual([
      'grant_increase',
    ]);
  });
});

describe('offers', () => {
  it('are open until the intake closes', () => {
    const now = new Date('2027-05-01T12:00:00Z');
    expect(programOpenForOffers({ intakeClosesAt: null }, now)).toBe(true);
    expect(programOpenForOffers({ intakeClosesAt: new Date('2027-05-01T12:00:01Z') }, now)).toBe(true);
    expect(programOpenForOffers({ intakeClosesAt: now }, now)).toBe(false);
  });
});
