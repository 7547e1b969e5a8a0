/**
 * Progress towards the program's target (retailers accepted) and when it will be reached at the current
 * pace. The method, also printed beside the figure:
 * - the pace is the number of acceptances in the last `windowWeeks` whole weeks, the 7 × N Montréal days
 *   ending on `today` included, divided by N (acceptances per week);
 * - the forecast day is `today` plus the remaining count divided by the pace, in weeks, times 7, rounded
 *   up to a whole day: the day the target would be reached if the pace held;
 * - no forecast when the target is already reached, or when nothing was accepted in the window (a pace
 *   of zero never reaches it), and the reason says which.
 * A straight line on a recent window follows changes in the program's rhythm (a new region, a paused
 * intake) sooner than the average since launch would, at the cost of noise from one busy week.
 */
import { formatDate } from '../../../kernel/format.ts';
import { addDays } from './days.ts';
import { percentOneDecimal } from './rounding.ts';

export const DEFAULT_WINDOW_WEEKS = 8;

export type ForecastInput = {
  target: number;
  /** Every acceptance so far (instants); those after `today` are ignored. */
  acceptedAt: Date[];
  /** Montréal day the forecast is made on. */
  today: string;
  windowWeeks?: number;
};

export type Forecast = {
  target: number;
  achieved: number;
  remaining: number;
  /** Achieved as a share of the target, in percent (`rounding.ts`); past 100 once exceeded. */
  progressPercent: number | null;
  windowWeeks: number;
  windowFrom: string;
  acceptedInWindow: number;
  /** Acceptances per week over the window, as computed (not rounded). */
  pacePerWeek: number;
  forecastDay: string | null;
  /** Why there is no forecast day (null when there is one). */
  reasonKey: 'reporting:forecast.target_reached' | 'reporting:forecast.no_pace' | null;
};

export function forecast(input: ForecastInput): Forecast {
  const windowWeeks = input.windowWeeks ?? DEFAULT_WINDOW_WEEKS;
  const windowFrom = forecastWindowStart(input.today, windowWeeks);
  const days = input.acceptedAt.map((at) => formatDate(at)).filter((day) => day <= input.today);
  return forecastFromCounts({
    target: input.target,
    achieved: days.length,
    acceptedInWindow: days.filter((day) => day >= windowFrom).length,
    today: input.today,
    windowWeeks,
  });
}

/** The first Montréal day of the window that ends on `today`. */
export function forecastWindowStart(today: string, windowWeeks = DEFAULT_WINDOW_WEEKS): string {
  return addDays(today, 1 - 7 * windowWeeks);
}

/** The same forecast from counts a query already made (acceptances so far, and in the window). */
export function forecastFromCounts(input: {
  target: number;
  achieved: number;
  acceptedInWindow: number;
  today: string;
  windowWeeks?: number;
}): Forecast {
  const { target, achieved, acceptedInWindow } = input;
  const windowWeeks = input.windowWeeks ?? DEFAULT_WINDOW_WEEKS;
  const windowFrom = forecastWindowStart(input.today, windowWeeks);
  const pacePerWeek = acceptedInWindow / windowWeeks;
  const remaining = Math.max(0, target - achieved);
  const progressPercent = target > 0 ? percentOneDecimal(achieved, target) : null;
  const base = {
    target,
    achieved,
    remaining,
    progressPercent,
    windowWeeks,
    windowFrom,
    acceptedInWindow,
    pacePerWeek,
  };
  if (remaining === 0) return { ...base, forecastDay: null, reasonKey: 'reporting:forecast.target_reached' };
  if (acceptedInWindow === 0) return { ...base, forecastDay: null, reasonKey: 'reporting:forecast.no_pace' };
  // Whole days from integers (remaining × 7 × N / accepted): the day never depends on float error.
  const daysNeeded = Math.ceil((remaining * 7 * windowWeeks) / acceptedInWindow);
  return { ...base, forecastDay: addDays(input.today, daysNeeded), reasonKey: null };
}
