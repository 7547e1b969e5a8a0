import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiscalYearOfDay } from '../../../kernel/fiscal-year.ts';
import { formatDate } from '../../../kernel/format.ts';
import {
  fiscalQuarterKey,
  quarterBounds,
  quarterLabel,
  quarterOf,
  quarterOfDay,
  quarterOfKey,
  tallyByFiscalQuarter,
} from './quarters.ts';

describe('quarters', () => {
  it('start the fiscal year on 1 April: Q1 is April–June, Q4 January–March', () => {
    expect(quarterOfDay('2026-04-01', 'fiscal')).toEqual({ kind: 'fiscal', year: 2026, quarter: 1 });
    expect(quarterOfDay('2026-06-30', 'fiscal')).toEqual({ kind: 'fiscal', year: 2026, quarter: 1 });
    expect(quarterOfDay('2026-12-31', 'fiscal')).toEqual({ kind: 'fiscal', year: 2026, quarter: 3 });
    expect(quarterOfDay('2027-03-31', 'fiscal')).toEqual({ kind: 'fiscal', year: 2026, quarter: 4 });
    expect(quarterOfDay('2027-03-31', 'calendar')).toEqual({ kind: 'calendar', year: 2027, quarter: 1 });
  });

  it('read an instant on a Montréal calendar', () => {
    // 30 June 21 h in Montréal is already 1 July in UTC: still the first fiscal quarter.
    expect(quarterOf(new Date('2026-07-01T01:00:00Z'), 'fiscal').quarter).toBe(1);
    expect(quarterOf(new Date('2026-07-01T04:00:00Z'), 'fiscal').quarter).toBe(2);
  });

  it('are labelled « T1 2026-2027 » in French and "Q1 2026-2027" in English', () => {
    const q = { kind: 'fiscal', year: 2026, quarter: 1 } as const;
    expect(quarterLabel(q, 'fr')).toBe('T1 2026-2027');
    expect(quarterLabel(q, 'en')).toBe('Q1 2026-2027');
    expect(quarterLabel({ kind: 'calendar', year: 2027, quarter: 4 }, 'fr')).toBe('T4 2027');
  });

  it('have bounds at Montréal midnight, across the year end', () => {
    expect(quarterBounds({ kind: 'fiscal', year: 2026, quarter: 4 })).toEqual({
      firstDay: '2027-01-01',
      lastDay: '2027-03-31',
      start: new Date('2027-01-01T05:00:00Z'),
      end: new Date('2027-04-01T04:00:00Z'),
    });
    expect(quarterBounds({ kind: 'calendar', year: 2026, quarter: 4 }).lastDay).toBe('2026-12-31');
  });

  it('place every instant inside the bounds of its quarter, and the quarters tile time (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2001-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.constantFrom('fiscal' as const, 'calendar' as const),
        (instant, kind) => {
          const q = quarterOf(instant, kind);
          const { start, end, firstDay, lastDay } = quarterBounds(q);
          expect(start.getTime() <= instant.getTime() && instant.getTime() < end.getTime()).toBe(true);
          expect(formatDate(start)).toBe(firstDay);
          expect(quarterOfDay(lastDay, kind)).toEqual(q);
          // The instant the quarter ends begins the next one.
          expect(quarterOf(end, kind)).not.toEqual(q);
        },
      ),
    );
  });

  it('agree with the kernel’s fiscal year on every day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const day = d.toISOString().slice(0, 10);
          expect(quarterOfDay(day, 'fiscal').year).toBe(fiscalYearOfDay(day));
        },
      ),
    );
  });

  it('fold months into fiscal quarters: counts and sums add, the largest is the largest', () => {
    const month = (key: string, businesses: number, sum: number, largest: number) => ({
      key,
      businesses,
      accepted: businesses - 1,
      sum,
      largest,
    });
    expect(
      tallyByFiscalQuarter([
        month('2027-01', 2, 10, 6),
        month('2026-04', 3, 9, 4),
        month('2027-03', 4, 20, 5),
        month('2026-06', 1, 1, 1),
      ]),
    ).toEqual([
      { key: '2026-Q1', businesses: 4, accepted: 2, sum: 10, largest: 4 },
      { key: '2026-Q4', businesses: 6, accepted: 4, sum: 30, largest: 6 },
    ]);
    const q = { kind: 'fiscal', year: 2026, quarter: 4 } as const;
    expect(quarterOfKey(fiscalQuarterKey(q))).toEqual(q);
    expect(quarterOfKey('2026-Q5')).toBeNull();
  });
});
