import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { afterFailure, secondsBlocked, type ThrottleRule } from '../domain/throttle.ts';
import { throttleBuckets } from './tables.ts';

export type ThrottleKey = { key: string; rule: ThrottleRule };

/** Refuses with rate_limited (saying when to retry) while any of these keys is blocked. */
export async function assertNotThrottled(db: Executor, keys: ThrottleKey[], now: Date): Promise<void> {
  const wait = await blockedFor(db, keys, now);
  if (wait > 0) {
    throw new AppError('rate_limited', {
      key: 'identity:errors.too_many_attempts',
      params: { minutes: Math.ceil(wait / 60) },
      retryAfter: wait,
    });
  }
}

/** Seconds the most restrictive of these keys is still blocked for (0: go ahead). */
async function blockedFor(db: Executor, keys: ThrottleKey[], now: Date): Promise<number> {
  const rows = await db
    .select()
    .from(throttleBuckets)
    .where(
      inArray(
        throttleBuckets.key,
        keys.map((k) => k.key),
      ),
    );
  return Math.max(0, ...rows.map((row) => secondsBlocked(row, now)));
}

export async function recordFailures(tx: Executor, keys: ThrottleKey[], now: Date): Promise<void> {
  for (const { key, rule } of keys) {
    const [current] = await tx
      .select()
      .from(throttleBuckets)
      .where(eq(throttleBuckets.key, key))
      .for('update');
    const next = afterFailure(current, rule, now);
    await tx
      .insert(throttleBuckets)
      .values({ key, ...next })
      .onConflictDoUpdate({ target: throttleBuckets.key, set: next });
  }
}

export async function clearThrottle(tx: Executor, key: string): Promise<void> {
  await tx.delete(throttleBuckets).where(eq(throttleBuckets.key, key));
}

export const throttleKeys = {
  signInAccount: (email: string) => `sign-in:account:${email}`,
  signInAddress: (ip: string) => `sign-in:address:${ip}`,
  resetAccount: (email: string) => `reset:account:${email}`,
  resetAddress: (ip: string) => `reset:address:${ip}`,
  secondFactor: (userId: string) => `second-factor:${userId}`,
  registerAccount: (email: string) => `register:account:${email}`,
  registerClient: (ip: string) => `register:address:${ip}`,
  verificationMail: (userId: string) => `verification-mail:${userId}`,
};
