import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, wholeMonthsOf } from './days.ts';

/** The days a split covers, month by month and edge by edge, within `[first, last]`. */
function daysCovered(split: ReturnType<typeof wholeMonthsOf>, first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const month = `${day.slice(0, 7)}-01`;
    const inMonths =
      split.months !== null &&
      (split.months.from === undefined || month >= split.months.from) &&
      (split.months.to === undefined || month < split.months.to);
    const inEdges = split.edges.filter((e) => day >= e.from && day <= e.to).length;
    for (let k = 0; k < Number(inMonths) + inEdges; k++) days.push(day);
  }
  return days;
}

describe('wholeMonthsOf', () => {
  it('cuts a period into whole months and the days at its ends', () => {
    expect(wholeMonthsOf({ from: '2027-02-17', to: '2027-06-03' })).toEqual({
      months: { from: '2027-03-01', to: '2027-06-01' },
      edges: [
        { from: '2027-02-17', to: '2027-02-28' },
        { from: '2027-06-01', to: '2027-06-03' },
      ],
    });
    expect(wholeMonthsOf({ from: '2027-03-01', to: '2027-03-31' })).toEqual({
      months: { from: '2027-03-01', to: '2027-04-01' },
      edges: [],
    });
    expect(wholeMonthsOf({ from: '2027-03-02', to: '2027-03-31' })).toEqual({
      months: null,
      edges: [{ from: '2027-03-02', to: '2027-03-31' }],
    });
    expect(wholeMonthsOf({})).toEqual({ months: {}, edges: [] });
    expect(wholeMonthsOf({ to: '2028-02-28' })).toEqual({
      months: { to: '2028-02-01' },
      edges: [{ from: '2028-02-01', to: '2028-02-28' }],
    });
  });

  it('covers every day of the period once and no day outside it', () => {
    const day = fc.integer({ min: 0, max: 500 }).map((n) => addDays('2026-11-20', n));
    fc.assert(
      fc.property(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }), (a, b) => {
        const [from, to] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
        const period = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
        const first = '2026-10-01';
        const last = '2028-06-30';
        const expected: string[] = [];
        for (let d = first; d <= last; d = addDays(d, 1))
          if ((from === undefined || d >= from) && (to === undefined || d <= to)) expected.push(d);
        expect(daysCovered(wholeMonthsOf(period), first, last)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
