import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fiscalYearBounds,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearOfDay,
  parseFiscalYear,
} from './fiscal-year.ts';

describe('fiscal year', () => {
  it('runs from 1 April to 31 March, on a Montréal calendar', () => {
    expect(fiscalYearOfDay('2026-04-01')).toBe(2026);
    expect(fiscalYearOfDay('2027-03-31')).toBe(2026);
    expect(fiscalYearOfDay('2027-01-15')).toBe(2026);
    // 31 March 21 h in Montréal is already 1 April in UTC: still the year that ends that day.
    expect(fiscalYearOf(new Date('2027-04-01T01:00:00Z'))).toBe(2026);
    expect(fiscalYearOf(new Date('2027-04-01T04:00:00Z'))).toBe(2027);
  });

  it('is labelled « 2026-2027 » and read back from its label', () => {
    expect(fiscalYearLabel(2026)).toBe('2026-2027');
    expect(parseFiscalYear('2026-2027')).toBe(2026);
    expect(parseFiscalYear('2026-2028')).toBeNull();
    expect(parseFiscalYear('2026')).toBeNull();
  });

  it('has bounds at Montréal midnight (daylight time in April)', () => {
    const { start, end, lastDay } = fiscalYearBounds(2026);
    expect(start.toISOString()).toBe('2026-04-01T04:00:00.000Z');
    expect(end.toISOString()).toBe('2027-04-01T04:00:00.000Z');
    expect(lastDay).toBe('2027-03-31');
  });

  it('places every instant inside the bounds of its year (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        (instant) => {
          const { start, end } = fiscalYearBounds(fiscalYearOf(instant));
          expect(start.getTime() <= instant.getTime() && instant.getTime() < end.getTime()).toBe(true);
        },
      ),
    );
  });
});
