import {
  type BusinessFile,
  isAssignedExpert as coach,
  hasRole,
  isApplicant as owner,
  type Policy,
} from '../../../kernel/policy.ts';

/** An application as far as authorization is concerned: whose it is, who coaches it, whether the caller referred it. */
export type ApplicationResource = BusinessFile & { referredByCaller?: boolean };

const anyone: Policy<void> = { anonymous: true, allow: () => true };
const staff = hasRole('coordinator', 'admin');

export const intakePolicies = {
  'program.check_eligibility': anyone,
  'application.create': { allow: hasRole('retailer') } satisfies Policy<void>,
  /** Opening one's account for a paper application: whoever holds the link sent to its address. */
  'application.claim': anyone,
  /** Full content: the retailer who applied and the program team. */
  'application.read': {
    allow: (a, r) => owner(a, r) || staff(a) || coach(a, r),
  } satisfies Policy<ApplicationResource>,
  /** Status only: also the partner who referred the business. */
  'application.read_status': {
    allow: (a, r) =>
      owner(a, r) || staff(a) || coach(a, r) || (a.role === 'partner' && r.referredByCaller === true),
  } satisfies Policy<ApplicationResource>,
  'application.update': { allow: owner } satisfies Policy<ApplicationResource>,
  'application.submit': { allow: owner } satisfies Policy<ApplicationResource>,
  'application.withdraw': { allow: owner } satisfies Policy<ApplicationResource>,
  'application.request_review': { allow: owner } satisfies Policy<ApplicationResource>,
  /** A retailer reads and changes their businesses' consents (Law 25: withdrawn as easily as given). */
  'consent.manage_own': { allow: hasRole('retailer') } satisfies Policy<void>,
  'application.review': { allow: staff } satisfies Policy<void>,
  'application.decide': { allow: staff } satisfies Policy<void>,
  'application.import': { allow: staff } satisfies Policy<void>,
  'partner.manage': { allow: staff } satisfies Policy<void>,
  'partner.referrals': { allow: hasRole('partner') } satisfies Policy<void>,
};
