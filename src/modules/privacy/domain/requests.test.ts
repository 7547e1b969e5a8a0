import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANSWER_DAYS,
  answerDueOn,
  byUrgency,
  daysBetween,
  REQUEST_STATUSES,
  type RequestStatus,
  requestClock,
} from './requests.ts';

const isoDay = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('the 30-day clock of a privacy request', () => {
  it('falls due 30 calendar days after receipt, across months, years and time changes', () => {
    expect(answerDueOn('2027-01-15')).toBe('2027-02-14');
    expect(answerDueOn('2027-02-20')).toBe('2027-03-22'); // across the spring time change
    expect(answerDueOn('2027-12-15')).toBe('2028-01-14');
    fc.assert(fc.property(isoDay, (day) => daysBetween(day, answerDueOn(day)) === ANSWER_DAYS));
  });

  it('counts down to the due day, then overdue while open; an answer stops it', () => {
    const open = { status: 'received' as const, dueOn: '2027-02-14' };
    expect(requestClock(open, '2027-02-13')).toEqual({ dueOn: '2027-02-14', daysLeft: 1, overdue: false });
    expect(requestClock(open, '2027-02-14')).toMatchObject({ daysLeft: 0, overdue: false });
    expect(requestClock(open, '2027-02-16')).toMatchObject({ daysLeft: -2, overdue: true });
    expect(requestClock({ ...open, status: 'answered' }, '2027-02-16')).toMatchObject({ overdue: false });
  });

  it('orders the queue: every open request before any closed one, the nearest due day first', () => {
    const request = fc.record({ status: fc.constantFrom(...REQUEST_STATUSES), dueOn: isoDay });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), (requests) => {
        const sorted = [...requests].sort(byUrgency);
        const open = (s: RequestStatus) => s === 'received' || s === 'in_progress';
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          if (open(a.status) !== open(b.status)) expect(open(a.status)).toBe(true);
          else expect(a.dueOn <= b.dueOn).toBe(true);
        }
      }),
    );
  });
});
