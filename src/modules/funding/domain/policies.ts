import { type BusinessFile, hasRole, isApplicant as owner, type Policy } from '../../../kernel/policy.ts';

const finance = hasRole('finance');

/** Finance sees the money; the ministry reads the budget's aggregates only, never a business's entries. */
export const fundingPolicies = {
  'budget.configure': { allow: hasRole('admin') } satisfies Policy<void>,
  'budget.read': { allow: hasRole('coordinator', 'admin', 'finance', 'ministry') } satisfies Policy<void>,
  'budget.year_end': { allow: hasRole('admin', 'finance') } satisfies Policy<void>,
  'ledger.list': { allow: hasRole('coordinator', 'admin', 'finance') } satisfies Policy<void>,
  // Payments: the retailer enters its bank details; finance verifies them, pays and recovers.
  'bank_account.read': { allow: (a, r) => owner(a, r) || finance(a) } satisfies Policy<BusinessFile>,
  'bank_account.update': { allow: owner } satisfies Policy<BusinessFile>,
  'bank_account.verify': { allow: finance } satisfies Policy<void>,
  'payment_batch.manage': { allow: finance } satisfies Policy<void>,
  'recovery.manage': { allow: finance } satisfies Policy<void>,
  'recovery.read': {
    allow: (a, r) => owner(a, r) || hasRole('finance', 'coordinator', 'admin')(a),
  } satisfies Policy<BusinessFile>,
};
