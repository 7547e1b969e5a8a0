import { acceptOrWaitlist, mayWaitlist, placesRemaining } from './capacity.ts';
import type { CriterionResult } from './eligibility.ts';
import { type ApplicationStatus, canMove, type Decision } from './status.ts';

/** What an application's move needs to know of the application before it. */
export type MovingApplication = {
  status: ApplicationStatus;
  decisionReason: string | null;
  waitlistedAt: Date | null;
};

/** A move asked for, with what it depends on. */
export type Move =
  | { to: 'submitted'; criteriaVersionId: string; eligibility: CriterionResult[]; eligible: boolean }
  | { to: Decision; reason: string | null; places: { target: number; accepted: number } }
  | { to: 'withdrawn' };

/** The columns a move sets. */
export type MoveChanges = {
  status: ApplicationStatus;
  updatedAt: Date;
  submittedAt?: Date;
  criteriaVersionId?: string;
  eligibility?: CriterionResult[];
  eligible?: boolean;
  decidedAt?: Date;
  decisionReason?: string | null;
  infoRequest?: string | null;
  waitlistedAt?: Date | null;
};

export type PlannedMove =
  | {
      ok: true;
      from: ApplicationStatus;
      to: Move['to'];
      changes: MoveChanges;
      /** Accepting found the program full: the application went to the waitlist instead. */
      capacityReached: boolean;
      /** The line the application's story records with the move. */
      eventMessage: string | null;
    }
  | { ok: false; reason: 'transition'; from: ApplicationStatus; to: ApplicationStatus }
  | { ok: false; reason: 'program_full' }
  /** The waitlist is for a full program: with places left, an application is accepted or not. */
  | { ok: false; reason: 'places_remain'; placesLeft: number };

/**
 * What a move changes, or why it cannot happen. Submitting records the automated assessment;
 * accepting beyond the program's target waitlists instead (and an application already waitlisted
 * stays put); waitlisting while places remain is refused; refusing keeps the reason; asking for information keeps the question.
 */
export function planMove(app: MovingApplication, move: Move, now: Date): PlannedMove {
  if (!canMove(app.status, move.to))
    return { ok: false, reason: 'transition', from: app.status, to: move.to };
  const from = app.status;
  switch (move.to) {
    case 'submitted':
      return {
        ok: true,
        from,
        to: 'submitted',
        capacityReached: false,
        eventMessage: null,
        changes: {
          status: 'submitted',
          submittedAt: now,
          criteriaVersionId: move.criteriaVersionId,
          eligibility: move.eligibility,
          eligible: move.eligible,
          infoRequest: null,
          updatedAt: now,
        },
      };
    case 'withdrawn':
      return {
        ok: true,
        from,
        to: 'withdrawn',
        capacityReached: false,
        eventMessage: null,
        changes: { status: 'withdrawn', decidedAt: now, updatedAt: now },
      };
    default: {
      if (move.to === 'waitlisted' && !mayWaitlist(move.places.target, move.places.accepted)) {
        return {
          ok: false,
          reason: 'places_remain',
          placesLeft: placesRemaining(move.places.target, move.places.accepted),
        };
      }
      const capacityReached =
        move.to === 'accepted' &&
        acceptOrWaitlist(move.places.target, move.places.accepted).status === 'waitlisted';
      if (capacityReached && from === 'waitlisted') return { ok: false, reason: 'program_full' };
      const to: Decision = capacityReached ? 'waitlisted' : move.to;
      return {
        ok: true,
        from,
        to,
        capacityReached,
        eventMessage: capacityReached ? 'capacity_reached' : move.reason,
        changes: {
          status: to,
          decidedAt: now,
          decisionReason:
            to === 'refused' ? move.reason : to === 'accepted' ? null : (move.reason ?? app.decisionReason),
          infoRequest: to === 'info_requested' ? move.reason : null,
          waitlistedAt: to === 'waitlisted' ? (app.waitlistedAt ?? now) : app.waitlistedAt,
          updatedAt: now,
        },
      };
    }
  }
}

/**
 * Moves the team decides and withdrawals change who holds a place: they run one at a time per program
 * so that place counts are exact. A submission holds no place, so submissions do not wait for each other.
 */
export function changesPlaces(to: ApplicationStatus): boolean {
  return to !== 'submitted';
}
