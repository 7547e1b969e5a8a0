import { hasRole, type Policy, type UserActor } from '../../../kernel/policy.ts';

const team = hasRole('coordinator', 'admin');

/** A registration as access rules see it: the retailer who holds it, and the workshop's facilitator. */
export type RegistrationResource = { userId: string; facilitatorUserId: string | null };
/** A workshop as access rules see it: its facilitator (an expert, or a coordinator). */
export type WorkshopResource = { facilitatorUserId: string | null };

const owner = (a: UserActor, r: RegistrationResource) => a.role === 'retailer' && a.id === r.userId;
const facilitator = (a: UserActor, r: WorkshopResource) =>
  (a.role === 'expert' || a.role === 'coordinator') && !!r.facilitatorUserId && a.id === r.facilitatorUserId;

export const workshopPolicies = {
  /** Creating, publishing and changing workshops, and their figures: the program team. */
  'workshop.manage': { allow: team } satisfies Policy<void>,
  /** The list: the team sees all, the expert those they facilitate, the retailer those open to them. */
  'workshop.list': { allow: hasRole('retailer', 'expert', 'coordinator', 'admin') } satisfies Policy<void>,
  /** A retailer registers their own business. */
  'workshop.register': { allow: hasRole('retailer') } satisfies Policy<void>,
  /** Cancelling a registration: the retailer who holds it, or the team on their behalf. */
  'workshop.cancel': { allow: (a, r) => owner(a, r) || team(a) } satisfies Policy<RegistrationResource>,
  /** Only the person offered a freed place accepts it. */
  'workshop.accept_offer': { allow: owner } satisfies Policy<RegistrationResource>,
  /** Attendance: the team, or the workshop's own facilitator (never another expert). */
  'workshop.attendance': {
    allow: (a, r) => team(a) || facilitator(a, r),
  } satisfies Policy<WorkshopResource>,
  'workshop.certificate': {
    allow: (a, r) => owner(a, r) || team(a) || facilitator(a, r),
  } satisfies Policy<RegistrationResource>,
  /** The satisfaction question after the workshop: the participant. */
  'workshop.satisfaction': { allow: owner } satisfies Policy<RegistrationResource>,
  /** Settling expired offers and inviting to the satisfaction question: the job queue only. */
  'workshop.settle': { allow: () => false } satisfies Policy<void>,
};
