import {
  type BusinessFile,
  hasRole,
  isApplicant,
  isAssignedExpert,
  type Policy,
} from '../../../kernel/policy.ts';

/** Finance sees the money; the ministry reads the budget's aggregates only, never a business's entries. */
export const fundingPolicies = {
  'budget.configure': { allow: hasRole('admin') } satisfies Policy<void>,
  'budget.read': { allow: hasRole('coordinator', 'admin', 'finance', 'ministry') } satisfies Policy<void>,
  'budget.year_end': { allow: hasRole('admin', 'finance') } satisfies Policy<void>,
  'ledger.list': { allow: hasRole('coordinator', 'admin', 'finance') } satisfies Policy<void>,
  // Files: the claim's retailer attaches them; the people who review or pay the claim may read them.
  'claim.attachment.edit': { allow: isApplicant } satisfies Policy<BusinessFile>,
  'claim.attachment.read': {
    allow: (a, r) =>
      isApplicant(a, r) || isAssignedExpert(a, r) || hasRole('coordinator', 'admin', 'finance')(a),
  } satisfies Policy<BusinessFile>,
};
