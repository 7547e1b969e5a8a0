import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../kernel/format.ts';
import { addDays } from './days.ts';
import { forecast, forecastFromCounts, forecastWindowStart } from './forecast.ts';

/** `n` acceptances at noon in Montréal on a day. */
const on = (day: string, n = 1) => Array.from({ length: n }, () => new Date(`${day}T16:00:00Z`));

describe('forecast at the current pace', () => {
  it('divides what is left by the acceptances per week over the last weeks', () => {
    // 40 accepted in the 8 weeks ending 2026-12-07 (5 a week), 60 before: 100 of 300.
    const acceptedAt = [...on('2026-03-01', 60), ...on('2026-10-13', 20), ...on('2026-12-07', 20)];
    const f = forecast({ target: 300, acceptedAt, today: '2026-12-07' });
    expect(f).toMatchObject({
      achieved: 100,
      remaining: 200,
      progressPercent: 33.3,
      windowFrom: '2026-10-13',
      acceptedInWindow: 40,
      pacePerWeek: 5,
      reasonKey: null,
    });
    // 200 at 5 a week: 40 weeks, 280 days.
    expect(f.forecastDay).toBe(addDays('2026-12-07', 280));
    expect(f.forecastDay).toBe('2027-09-13');
  });

  it('leaves out acceptances before the window and after today', () => {
    const acceptedAt = [...on('2026-10-12', 10), ...on('2026-12-08', 10), ...on('2026-12-01', 2)];
    const f = forecast({ target: 100, acceptedAt, today: '2026-12-07', windowWeeks: 8 });
    expect(f).toMatchObject({ achieved: 12, acceptedInWindow: 2, pacePerWeek: 0.25 });
    // 88 left at a quarter a week: 352 weeks.
    expect(f.forecastDay).toBe(addDays('2026-12-07', 352 * 7));
  });

  it('gives no date when nothing was accepted lately, nor once the target is reached', () => {
    expect(forecast({ target: 10, acceptedAt: on('2025-01-01', 3), today: '2026-12-07' })).toMatchObject({
      forecastDay: null,
      reasonKey: 'reporting:forecast.no_pace',
      pacePerWeek: 0,
    });
    expect(forecast({ target: 3, acceptedAt: on('2026-12-01', 4), today: '2026-12-07' })).toMatchObject({
      forecastDay: null,
      reasonKey: 'reporting:forecast.target_reached',
      remaining: 0,
      progressPercent: 133.3,
    });
  });

  it('reaches the target by the forecast day if the pace holds, and not a day before (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        (target, daysAgo, windowWeeks) => {
          const today = '2026-12-07';
          const acceptedAt = daysAgo.flatMap((ago) => on(addDays(today, -ago)));
          const f = forecast({ target, acceptedAt, today, windowWeeks });
          if (f.forecastDay === null) return;
          const perDay = f.pacePerWeek / 7;
          const days = (day: string) => Math.round((Date.parse(day) - Date.parse(today)) / 86_400_000);
          expect(f.achieved + perDay * days(f.forecastDay!)).toBeGreaterThanOrEqual(target - 1e-9);
          expect(f.achieved + perDay * (days(f.forecastDay!) - 1)).toBeLessThan(target);
        },
      ),
    );
  });
});

describe('forecast from counts (what the database counts for a large program)', () => {
  it('gives the same forecast as the acceptances themselves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 80 }),
        fc.integer({ min: 0, max: 120 }),
        (daysAgo, target) => {
          const today = '2027-03-31';
          const acceptedAt = daysAgo.flatMap((d) => on(addDays(today, -d)));
          const windowFrom = forecastWindowStart(today);
          const days = acceptedAt.map((at) => formatDate(at));
          expect(
            forecastFromCounts({
              target,
              achieved: days.length,
              acceptedInWindow: days.filter((d) => d >= windowFrom).length,
              today,
            }),
          ).toEqual(forecast({ target, acceptedAt, today }));
        },
      ),
    );
  });
});
