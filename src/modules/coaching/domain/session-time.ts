import { isoOffset, montrealInstant, montrealOffsetMinutes } from '../../../kernel/format.ts';

const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export type SessionStart =
  | { ok: true; instant: Date }
  | {
      ok: false;
      problem: 'format' | 'nonexistent_local_time' | 'offset_not_montreal';
      expectedOffset?: string;
    };

/**
 * Reads a session start written as ISO 8601 with an offset. Sessions happen in Montréal: a numeric
 * offset must be Montréal's on that date, so that a time the clock skips in spring (02:30 on the
 * second Sunday of March) is refused rather than silently moved. `Z` (UTC) names an instant and is accepted.
 */
export function parseSessionStart(value: string): SessionStart {
  const match = ISO_WITH_OFFSET.exec(value);
  const instant = new Date(value);
  if (!match || Number.isNaN(instant.getTime())) return { ok: false, problem: 'format' };
  const [, date, time, offset] = match as unknown as [string, string, string, string];
  if (offset === 'Z') return { ok: true, instant };
  const local = montrealInstant(date, time);
  if (!local) return { ok: false, problem: 'nonexistent_local_time' };
  const expected = isoOffset(montrealOffsetMinutes(instant));
  if (expected !== offset)
    return {
      ok: false,
      problem: 'offset_not_montreal',
      expectedOffset: isoOffset(montrealOffsetMinutes(local)),
    };
  return { ok: true, instant };
}

/** Whether two sessions of the same expert overlap in time (touching end to start is fine). */
export const overlaps = (a: { start: Date; minutes: number }, b: { start: Date; minutes: number }) =>
  a.start.getTime() < b.start.getTime() + b.minutes * 60_000 &&
  b.start.getTime() < a.start.getTime() + a.minutes * 60_000;
