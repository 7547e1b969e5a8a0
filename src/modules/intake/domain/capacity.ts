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

/** Whether the intake window is open at `now` (no bound means open on that side). */
export function intakeOpen(window: { opensAt: Date | null; closesAt: Date | null }, now: Date): boolean {
  return (!window.opensAt || window.opensAt <= now) && (!window.closesAt || now < window.closesAt);
}
