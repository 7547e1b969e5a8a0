/**
 * Places in the program: accepted applications never exceed the target. An acceptance beyond it puts
 * the application on the waitlist instead.
 */
export function placesRemaining(targetRetailers: number, accepted: number): number {
  return Math.max(0, targetRetailers - accepted);
}

export type AcceptOutcome = { status: 'accepted' } | { status: 'waitlisted'; reason: 'capacity_reached' };

export function acceptOrWaitlist(targetRetailers: number, accepted: number): AcceptOutcome {
  return accepted < targetRetailers
    ? { status: 'accepted' }
    : { status: 'waitlisted', reason: 'capacity_reached' };
}

/**
 * The waitlist is for when the program is full: with places left, an application is accepted or not,
 * never set aside (newer ones would otherwise take the places it waits for).
 */
export function mayWaitlist(targetRetailers: number, accepted: number): boolean {
  return placesRemaining(targetRetailers, accepted) === 0;
}

export type InLine = {
  id: string;
  status: string;
  submittedAt: Date | null;
  waitlistedAt: Date | null;
  /** The automated assessment; null when none was made. */
  eligible: boolean | null;
};

const before = (a: Date | null, b: Date | null) => a !== null && (b === null || a < b);

/**
 * First come, first served: the waitlisted applications not found ineligible that came before this
 * one (ahead of it on the waitlist; or, for one not on it, submitted earlier). Accepting it while any
 * wait is out of order, and asks the team for a reason.
 */
export function waitingAhead(app: InLine, waitlist: InLine[]): InLine[] {
  return waitlist.filter(
    (w) =>
      w.id !== app.id &&
      w.status === 'waitlisted' &&
      w.eligible !== false &&
      (app.status === 'waitlisted'
        ? before(w.waitlistedAt, app.waitlistedAt) ||
          (w.waitlistedAt?.getTime() === app.waitlistedAt?.getTime() && w.id < app.id)
        : before(w.submittedAt, app.submittedAt)),
  );
}

/** Whether the intake window is open at `now` (no bound means open on that side). */
export function intakeOpen(window: { opensAt: Date | null; closesAt: Date | null }, now: Date): boolean {
  return (!window.opensAt || window.opensAt <= now) && (!window.closesAt || now < window.closesAt);
}
