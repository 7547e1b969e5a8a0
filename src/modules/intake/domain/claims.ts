/** How long a link to claim a paper application works: a month, time to read the mail and act. */
export const CLAIM_LIFETIME_DAYS = 30;

export type ClaimState = 'valid' | 'claimed' | 'expired' | 'unknown';

/** Where a claim link stands: only the newest unused one, before it expires, opens an account. */
export function claimState(
  claim: { claimedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | undefined,
  now: Date,
): ClaimState {
  if (!claim) return 'unknown';
  if (claim.claimedAt) return 'claimed';
  if (claim.revokedAt || claim.expiresAt <= now) return 'expired';
  return 'valid';
}
