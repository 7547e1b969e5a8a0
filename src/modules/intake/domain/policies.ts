import { hasRole, type Policy, type UserActor } from '../../../platform/authorization.ts';

/** An application as far as authorization is concerned: whose it is, and whether the caller referred it. */
export type ApplicationResource = { applicantId: string | null; referredByCaller?: boolean };

const anyone: Policy<void> = { anonymous: true, allow: () => true };
const staff = hasRole('coordinator', 'admin');
const owner = (actor: UserActor, r: ApplicationResource) =>
  actor.role === 'retailer' && actor.id === r.applicantId;

export const intakePolicies = {
  'program.check_eligibility': anyone,
  'application.create': { allow: hasRole('retailer') } satisfies Policy<void>,
  /** Full content: the retailer who applied and the program team. */
  'application.read': { allow: (a, r) => owner(a, r) || staff(a) } satisfies Policy<ApplicationResource>,
  /** Status only: also the partner who referred the business. */
  'application.read_status': {
    allow: (a, r) => owner(a, r) || staff(a) || (a.role === 'partner' && r.referredByCaller === true),
  } satisfies Policy<ApplicationResource>,
  'application.update': { allow: owner } satisfies Policy<ApplicationResource>,
  'application.submit': { allow: owner } satisfies Policy<ApplicationResource>,
  'application.withdraw': { allow: owner } satisfies Policy<ApplicationResource>,
  'application.request_review': { allow: owner } satisfies Policy<ApplicationResource>,
  'application.review': { allow: staff } satisfies Policy<void>,
  'application.decide': { allow: staff } satisfies Policy<void>,
  'application.import': { allow: staff } satisfies Policy<void>,
  'partner.manage': { allow: staff } satisfies Policy<void>,
  'partner.referrals': { allow: hasRole('partner') } satisfies Policy<void>,
};
