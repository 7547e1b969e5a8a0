import {
  type BusinessFile,
  isAssignedExpert as coach,
  hasRole,
  isApplicant as owner,
  type Policy,
} from '../../../kernel/policy.ts';

const team = hasRole('coordinator', 'admin');

/** Finance sees the money; the ministry reads the budget's aggregates only, never a business's entries. */
export const fundingPolicies = {
  'budget.configure': { allow: hasRole('admin') } satisfies Policy<void>,
  'budget.read': { allow: hasRole('coordinator', 'admin', 'finance', 'ministry') } satisfies Policy<void>,
  'budget.year_end': { allow: hasRole('admin', 'finance') } satisfies Policy<void>,
  'ledger.list': { allow: hasRole('coordinator', 'admin', 'finance') } satisfies Policy<void>,
  // Claims: the retailer writes them; the business's expert or the team reviews the content, finance the money.
  'claim.write': { allow: owner } satisfies Policy<BusinessFile>,
  'claim.read': {
    allow: (a, r) => owner(a, r) || coach(a, r) || team(a) || a.role === 'finance',
  } satisfies Policy<BusinessFile>,
  /** The queue: each caller sees the claims it may read (the retailer its own, the expert its businesses'). */
  'claim.list': {
    allow: hasRole('retailer', 'expert', 'coordinator', 'admin', 'finance'),
  } satisfies Policy<void>,
  'claim.review_content': { allow: (a, r) => coach(a, r) || team(a) } satisfies Policy<BusinessFile>,
  'claim.review_finance': { allow: hasRole('finance') } satisfies Policy<BusinessFile>,
};
