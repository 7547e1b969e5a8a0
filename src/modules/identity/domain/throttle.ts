/**
 * Throttling of guessable secrets (passwords, reset requests, second-factor codes) and of what could
 * probe for accounts (sign-ups): after too many attempts for one key (an account or an address) within
 * a window, the key is blocked for a while.
 */
export type ThrottleRule = { maxFailures: number; windowSeconds: number; blockSeconds: number };
export type ThrottleBucket = { failures: number; windowStartedAt: Date; blockedUntil: Date | null };

export const THROTTLE_RULES = {
  signInAccount: { maxFailures: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  signInAddress: { maxFailures: 30, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  resetAccount: { maxFailures: 3, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  resetAddress: { maxFailures: 10, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  secondFactor: { maxFailures: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  // Sign-ups: a few retries of one address; per client, enough for a family or a shop sharing a connection.
  registerAccount: { maxFailures: 3, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  registerClient: { maxFailures: 10, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
} satisfies Record<string, ThrottleRule>;

/** Seconds until the key may try again, 0 when it may try now. */
export function secondsBlocked(bucket: ThrottleBucket | undefined, now: Date): number {
  if (!bucket?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((bucket.blockedUntil.getTime() - now.getTime()) / 1000));
}

/** The bucket after one more failure at `now`: reaching the limit blocks the key and starts a new window. */
export function afterFailure(
  bucket: ThrottleBucket | undefined,
  rule: ThrottleRule,
  now: Date,
): ThrottleBucket {
  const inWindow =
    bucket !== undefined && now.getTime() - bucket.windowStartedAt.getTime() < rule.windowSeconds * 1000;
  const failures = inWindow ? bucket.failures + 1 : 1;
  if (failures >= rule.maxFailures) {
    return {
      failures: 0,
      windowStartedAt: now,
      blockedUntil: new Date(now.getTime() + rule.blockSeconds * 1000),
    };
  }
  return {
    failures,
    windowStartedAt: inWindow ? bucket.windowStartedAt : now,
    blockedUntil: bucket?.blockedUntil ?? null,
  };
}
