/** Where an application stands, and which moves between states are possible. */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'info_requested',
  'accepted',
  'refused',
  'waitlisted',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The review queue's filter, besides one status, for the applications that wait for a decision. */
export const TO_DECIDE = 'to_decide';

export const DECISIONS = ['accepted', 'refused', 'waitlisted', 'info_requested'] as const;
export type Decision = (typeof DECISIONS)[number];

const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['accepted', 'refused', 'waitlisted', 'info_requested', 'withdrawn'],
  info_requested: ['submitted', 'refused', 'withdrawn'],
  waitlisted: ['accepted', 'refused', 'info_requested', 'withdrawn'],
  accepted: ['withdrawn'],
  refused: [],
  withdrawn: [],
};

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The status as the retailer reads it: an accepted business whose coaching is over is no longer « Acceptée ». */
export type ShownStatus = ApplicationStatus | 'closed_completed' | 'closed_abandoned';

export function shownStatus(
  status: ApplicationStatus,
  coachingClosed: 'completed' | 'abandoned' | null,
): ShownStatus {
  return status === 'accepted' && coachingClosed ? `closed_${coachingClosed}` : status;
}

/** The retailer may withdraw until the coaching is over: then there is nothing left to withdraw from. */
export function mayWithdraw(app: { status: ApplicationStatus; coachingClosed: boolean }): boolean {
  return canMove(app.status, 'withdrawn') && !app.coachingClosed;
}

/** Statuses that hold (or wait for) a place in the program: a second application with the same NEQ is a duplicate. */
export const ACTIVE_STATUSES: readonly ApplicationStatus[] = [
  'submitted',
  'info_requested',
  'accepted',
  'waitlisted',
];

/** The retailer may still change the application's content. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['draft', 'info_requested'];

/** The retailer's application in a program: one that is neither withdrawn nor refused. */
export const CURRENT_STATUSES: readonly ApplicationStatus[] = ['draft', ...ACTIVE_STATUSES];

/** Submitted and not yet decided by the team (asking for information decides nothing). */
const AWAITING_DECISION: readonly ApplicationStatus[] = ['submitted', 'info_requested'];

/**
 * Law 25: a person may be asked to review the automated assessment while it stands against the
 * applicant (found not eligible) and before the team decides; a decision is already a person's.
 */
export function mayAskForHumanReview(app: { status: ApplicationStatus; eligible: boolean | null }): boolean {
  return app.eligible === false && AWAITING_DECISION.includes(app.status);
}
