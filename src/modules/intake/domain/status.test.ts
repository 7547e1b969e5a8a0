import { describe, expect, it } from 'vitest';
import {
  acceptOrWaitlist,
  type InLine,
  intakeOpen,
  mayWaitlist,
  placesRemaining,
  waitingAhead,
} from './capacity.ts';
import { addressKey, matchesBetween, normalisePhone } from './duplicates.ts';
import { APPLICATION_STATUSES, canMove, mayAskForHumanReview, mayWithdraw, shownStatus } from './status.ts';

describe('application statuses', () => {
  it('allow only the documented moves', () => {
    expect(canMove('draft', 'submitted')).toBe(true);
    expect(canMove('submitted', 'accepted')).toBe(true);
    expect(canMove('info_requested', 'submitted')).toBe(true);
    expect(canMove('waitlisted', 'accepted')).toBe(true);
    expect(canMove('accepted', 'withdrawn')).toBe(true);
    expect(canMove('draft', 'accepted')).toBe(false);
    expect(canMove('accepted', 'refused')).toBe(false);
    expect(canMove('refused', 'accepted')).toBe(false);
    for (const to of APPLICATION_STATUSES) expect(canMove('withdrawn', to)).toBe(false);
  });

  it('offer a human review only of an unfavourable assessment that the team has not decided on', () => {
    expect(mayAskForHumanReview({ status: 'submitted', eligible: false })).toBe(true);
    expect(mayAskForHumanReview({ status: 'info_requested', eligible: false })).toBe(true);
    expect(mayAskForHumanReview({ status: 'submitted', eligible: true })).toBe(false);
    expect(mayAskForHumanReview({ status: 'draft', eligible: null })).toBe(false);
    for (const decided of ['accepted', 'refused', 'waitlisted', 'withdrawn'] as const)
      expect(mayAskForHumanReview({ status: decided, eligible: false })).toBe(false);
  });
});

describe('the status after the coaching', () => {
  it('says the file is closed, completed or abandoned, and offers no withdrawal then', () => {
    expect(shownStatus('accepted', null)).toBe('accepted');
    expect(shownStatus('accepted', 'completed')).toBe('closed_completed');
    expect(shownStatus('accepted', 'abandoned')).toBe('closed_abandoned');
    expect(mayWithdraw({ status: 'accepted', coachingClosed: false })).toBe(true);
    expect(mayWithdraw({ status: 'accepted', coachingClosed: true })).toBe(false);
    expect(mayWithdraw({ status: 'refused', coachingClosed: false })).toBe(false);
  });
});

describe('capacity', () => {
  it('never accepts beyond the target', () => {
    expect(acceptOrWaitlist(3000, 2999)).toEqual({ status: 'accepted' });
    expect(acceptOrWaitlist(3000, 3000)).toEqual({ status: 'waitlisted', reason: 'capacity_reached' });
    expect(placesRemaining(3000, 3100)).toBe(0);
  });
  it('waitlists only when the program is full', () => {
    expect(mayWaitlist(3000, 2999)).toBe(false);
    expect(mayWaitlist(3000, 3000)).toBe(true);
  });
  it('serves the waitlist first come, first served', () => {
    const day = (d: number) => new Date(Date.UTC(2027, 0, d));
    const waiting = (
      id: string,
      submitted: number,
      waitlisted: number,
      eligible: boolean | null = true,
    ): InLine => ({
      id,
      status: 'waitlisted',
      submittedAt: day(submitted),
      waitlistedAt: day(waitlisted),
      eligible,
    });
    const first = waiting('a', 1, 2);
    const second = waiting('b', 3, 4);
    const notEligible = waiting('c', 1, 1, false);
    const line = [first, second, notEligible];
    expect(waitingAhead(first, line)).toEqual([]);
    expect(waitingAhead(second, line)).toEqual([first]);
    // A newer application, not on the waitlist, comes after both; an older one after none.
    const newer: InLine = {
      id: 'd',
      status: 'submitted',
      submittedAt: day(5),
      waitlistedAt: null,
      eligible: true,
    };
    expect(waitingAhead(newer, line)).toEqual([first, second]);
    expect(waitingAhead({ ...newer, submittedAt: day(1) }, line)).toEqual([]);
  });
  it('knows whether intake is open', () => {
    const now = new Date('2027-01-15T12:00:00Z');
    expect(intakeOpen({ opensAt: null, closesAt: null }, now)).toBe(true);
    expect(intakeOpen({ opensAt: new Date('2027-02-01'), closesAt: null }, now)).toBe(false);
    expect(intakeOpen({ opensAt: null, closesAt: new Date('2027-01-15T12:00:00Z') }, now)).toBe(false);
  });
});

describe('duplicate keys', () => {
  it('fold phones and addresses written differently', () => {
    expect(normalisePhone('+1 (514) 555-0123')).toBe(normalisePhone('514.555.0123'));
    expect(addressKey('123, rue Saint-Denis', 'h2x 1y4')).toBe(addressKey('123 Saint Denis', 'H2X 1Y4'));
    expect(addressKey('12 boulevard René-Lévesque', 'G1R 4P5')).toBe(
      addressKey('12 boul. Rene Levesque', 'G1R4P5'),
    );
  });
  it('name which keys match', () => {
    const a = { neq: '1143920115', email: 'a@x.ca', phone: '5145550123', address: null };
    const b = { neq: '1143920115', email: 'b@x.ca', phone: '5145550123', address: null };
    expect(matchesBetween(a, b)).toEqual(['neq', 'phone']);
  });
});
