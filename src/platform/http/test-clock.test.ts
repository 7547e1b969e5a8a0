import { describe, expect, it } from 'vitest';
import { requestClock } from './test-clock.ts';

describe('test clock', () => {
  const now = () => new Date('2027-02-10T18:30:00.000Z');

  it('moves a request forward by the header’s seconds when the test clock is on', () => {
    expect(requestClock(now, true, '300')().toISOString()).toBe('2027-02-10T18:35:00.000Z');
  });

  it('keeps the real clock when the test clock is off, whatever the header says', () => {
    expect(requestClock(now, false, '300')).toBe(now);
  });

  it('keeps the real clock without a header, or with one that is not a whole number of seconds up to a week', () => {
    for (const header of [undefined, '', '-60', '1.5', '1e3', 'soon', '0', String(7 * 24 * 3600 + 1)])
      expect(requestClock(now, true, header), String(header)).toBe(now);
    expect(requestClock(now, true, String(7 * 24 * 3600))().toISOString()).toBe('2027-02-17T18:30:00.000Z');
  });
});
