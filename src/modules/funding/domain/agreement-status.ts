/**
 * Where a grant agreement stands. Only an accepted agreement commits money. An offer is withdrawn
 * when intake or the program closes, so no one is invited to sign what can no longer be funded
 * (CDAP's portal kept inviting after it closed). An amendment (a substituted item, a line changing by
 * more than 20 %) waits for the team's approval and returns to `accepted` either way.
 */
export const AGREEMENT_STATUSES = [
  'draft',
  'offered',
  'accepted',
  'declined',
  'expired',
  'withdrawn',
  'amendment_requested',
  'closed',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

const TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['offered', 'withdrawn'],
  offered: ['accepted', 'declined', 'expired', 'withdrawn'],
  accepted: ['amendment_requested', 'closed'],
  amendment_requested: ['accepted', 'closed'],
  declined: [],
  expired: [],
  withdrawn: [],
  closed: [],
};

export function canMoveAgreement(from: AgreementStatus, to: AgreementStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Money is committed from acceptance until closure. */
export const COMMITTING_STATUSES: readonly AgreementStatus[] = ['accepted', 'amendment_requested'];

/** A change to one line of more than this share of its amount is an amendment, as councils' grants require. */
export const AMENDMENT_THRESHOLD_BASIS_POINTS = 2000;

/** Whether changing a line from `before` to `after` needs the team's approval. */
export function needsAmendment(before: number, after: number): boolean {
  return Math.abs(after - before) * 10_000 > before * AMENDMENT_THRESHOLD_BASIS_POINTS;
}
