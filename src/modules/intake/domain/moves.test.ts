import { describe, expect, it } from 'vitest';
import { changesPlaces, planMove } from './moves.ts';

const now = new Date('2026-05-01T12:00:00Z');
const earlier = new Date('2026-04-01T12:00:00Z');
const app = (status: 'draft' | 'submitted' | 'waitlisted' | 'accepted' | 'info_requested') => ({
  status,
  decisionReason: 'before',
  waitlistedAt: status === 'waitlisted' ? earlier : null,
});
const places = { target: 2, accepted: 1 };

describe('planning an application move', () => {
  it('refuses a move the statuses do not allow', () => {
    expect(planMove(app('draft'), { to: 'accepted', reason: null, places }, now)).toEqual({
      ok: false,
      reason: 'transition',
      from: 'draft',
      to: 'accepted',
    });
  });

  it('records the automated assessment on submission and clears an information request', () => {
    const planned = planMove(
      app('info_requested'),
      { to: 'submitted', criteriaVersionId: 'v', eligibility: [], eligible: true },
      now,
    );
    expect(planned).toMatchObject({
      ok: true,
      from: 'info_requested',
      to: 'submitted',
      changes: {
        status: 'submitted',
        submittedAt: now,
        criteriaVersionId: 'v',
        eligible: true,
        infoRequest: null,
      },
    });
  });

  it('waitlists an acceptance beyond the target, and keeps a waitlisted application where it is', () => {
    const full = { target: 1, accepted: 1 };
    expect(planMove(app('submitted'), { to: 'accepted', reason: null, places: full }, now)).toMatchObject({
      ok: true,
      to: 'waitlisted',
      capacityReached: true,
      eventMessage: 'capacity_reached',
      changes: { status: 'waitlisted', waitlistedAt: now, decisionReason: 'before' },
    });
    expect(planMove(app('waitlisted'), { to: 'accepted', reason: null, places: full }, now)).toEqual({
      ok: false,
      reason: 'program_full',
    });
    expect(planMove(app('waitlisted'), { to: 'accepted', reason: null, places }, now)).toMatchObject({
      ok: true,
      to: 'accepted',
      changes: { decisionReason: null, waitlistedAt: earlier },
    });
  });

  it('keeps the reason of a refusal and the question of an information request', () => {
    expect(planMove(app('submitted'), { to: 'refused', reason: 'NEQ', places }, now)).toMatchObject({
      changes: { status: 'refused', decisionReason: 'NEQ', infoRequest: null, decidedAt: now },
      eventMessage: 'NEQ',
    });
    expect(planMove(app('submitted'), { to: 'info_requested', reason: 'Q?', places }, now)).toMatchObject({
      changes: { status: 'info_requested', decisionReason: 'Q?', infoRequest: 'Q?' },
    });
  });

  it('withdraws at any stage before a final decision', () => {
    expect(planMove(app('accepted'), { to: 'withdrawn' }, now)).toMatchObject({
      ok: true,
      changes: { status: 'withdrawn', decidedAt: now, updatedAt: now },
    });
  });

  it('serialises only the moves that change who holds a place', () => {
    expect(changesPlaces('submitted')).toBe(false);
    expect(changesPlaces('accepted')).toBe(true);
    expect(changesPlaces('withdrawn')).toBe(true);
  });
});
