import { describe, expect, it } from 'vitest';
import { assignability, type ConfirmationState, checkConfirmations } from './confirmation.ts';

const expert = (id: string, capacity: number, activeFiles: number) => ({
  expertId: id,
  name: `Expert ${id}`,
  regions: ['06'],
  languages: ['fr'],
  specialties: [],
  capacity,
  activeFiles,
  active: true,
});
const business = {
  status: 'accepted',
  coachingClosedAt: null,
  region: '06',
  language: 'fr' as const,
  weakest: [],
};

describe('which business may be given an expert', () => {
  it('is an accepted business whose coaching is not closed', () => {
    expect(assignability({ status: 'accepted', coachingClosedAt: null })).toBe('coachable');
    expect(assignability({ status: 'accepted', coachingClosedAt: new Date() })).toBe('closed');
    expect(assignability({ status: 'submitted', coachingClosedAt: null })).toBe('not_accepted');
  });
});

describe('checking pairs to confirm', () => {
  it('counts the places each pair takes and frees, and stops at the first expert over capacity', () => {
    const state: ConfirmationState = {
      experts: new Map([
        ['a', expert('a', 1, 1)],
        ['b', expert('b', 1, 0)],
      ]),
      businesses: new Map(['x', 'y', 'z'].map((id) => [id, business])),
      current: new Map([['x', 'a']]),
    };
    // x moves from a to b, which frees a's place for y; z would be b's second file.
    const moved = [
      { applicationId: 'x', expertId: 'b', reason: 'Congé' },
      { applicationId: 'y', expertId: 'a' },
    ];
    const ok = checkConfirmations(moved, state);
    expect(ok.outcome === 'ok' && ok.confirmations.map((c) => [c.applicationId, c.previousExpertId])).toEqual(
      [
        ['x', 'a'],
        ['y', null],
      ],
    );
    const over = checkConfirmations([...moved, { applicationId: 'z', expertId: 'b' }], state, 100);
    expect(over).toMatchObject({
      outcome: 'capacity',
      applicationId: 'z',
      expert: { id: 'b', activeFiles: 1 },
    });
    // Paths name the entry of the whole request, wherever the chunk starts.
    expect(checkConfirmations([{ applicationId: 'x', expertId: 'b' }], state, 250)).toEqual({
      outcome: 'invalid',
      issues: [{ path: 'assignments.250.reason', key: 'experts:validation.reason_to_reassign' }],
    });
  });
});
