import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, secondsBlocked, type ThrottleBucket, type ThrottleRule } from './throttle.ts';

const rule: ThrottleRule = { maxFailures: 5, windowSeconds: 900, blockSeconds: 900 };
const start = new Date('2027-01-01T12:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

function replay(offsets: number[]): ThrottleBucket | undefined {
  let bucket: ThrottleBucket | undefined;
  for (const offset of offsets) bucket = afterFailure(bucket, rule, at(offset));
  return bucket;
}

describe('throttle', () => {
  it('blocks at the fifth failure within the window, for the block duration', () => {
    const bucket = replay([0, 10, 20, 30]);
    expect(secondsBlocked(bucket, at(31))).toBe(0);
    const blocked = afterFailure(bucket, rule, at(40));
    expect(secondsBlocked(blocked, at(41))).toBe(899);
    expect(secondsBlocked(blocked, at(40 + 900))).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const bucket = replay([0, 1, 2, 3, 901]);
    expect(bucket?.failures).toBe(1);
    expect(secondsBlocked(bucket, at(902))).toBe(0);
  });

  it('never blocks fewer than the maximum failures, whatever their timing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: rule.maxFailures - 1 }),
        (offsets) => {
          const sorted = [...offsets].sort((a, b) => a - b);
          const bucket = replay(sorted);
          expect(secondsBlocked(bucket, at((sorted.at(-1) ?? 0) + 1))).toBe(0);
        },
      ),
    );
  });

  it('always blocks when the maximum is reached inside one window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: rule.windowSeconds - 1 }), {
          minLength: rule.maxFailures,
          maxLength: rule.maxFailures,
        }),
        (base, spread) => {
          const offsets = spread.map((s) => base + s).sort((a, b) => a - b);
          const bucket = replay(offsets);
          expect(secondsBlocked(bucket, at(offsets.at(-1)!))).toBeGreaterThan(0);
        },
      ),
    );
  });
});
