/**
 * The browser tests' movable clock (decision 43). A server started with E2E_TEST_CLOCK=on (refused unless
 * its public address is this machine: see config.ts) reads this header on each request: a whole number of
 * seconds by which that request's use cases see the time later than it is. Only that request: sessions,
 * second factors, jobs and everyone else keep the real time. Without the setting the header is ignored.
 */
export const TEST_CLOCK_HEADER = 'x-test-clock-offset';

/** A week: more than any journey moves forward; a larger or malformed value leaves the clock as it is. */
const MAX_OFFSET_SECONDS = 7 * 24 * 3600;

/** The clock of one request: `now`, moved forward by the header's seconds when the test clock is on. */
export function requestClock(now: () => Date, testClock: boolean, header: string | undefined): () => Date {
  if (!testClock || header === undefined || !/^\d{1,7}$/.test(header)) return now;
  const seconds = Number(header);
  if (seconds === 0 || seconds > MAX_OFFSET_SECONDS) return now;
  return () => new Date(now().getTime() + seconds * 1000);
}
