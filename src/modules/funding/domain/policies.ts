import {
  type BusinessFile,
  hasRole,
  isAssignedExpert,
  isApplicant as owner,
  type Policy,
} from '../../../kernel/policy.ts';

const team = hasRole('coordinator', 'admin');
const finance = hasRole('finance');

/** Finance sees the money; the ministry reads the budget's aggregates only, never a business's entries. */
export const fundingPolicies = {
  'budget.configure': { allow: hasRole('admin') } satisfies Policy<void>,
  'budget.read': { allow: hasRole('coordinator', 'admin', 'finance', 'ministry') } satisfies Policy<void>,
  'budget.year_end': { allow: hasRole('admin', 'finance') } satisfies Policy<void>,
  'ledger.list': { allow: hasRole('coordinator', 'admin', 'finance') } satisfies Policy<void>,
  /** Files of the claims queue and the agreements list: the people who work those lists, not the retailer or expert. */
  'funding.export': { allow: hasRole('coordinator', 'admin', 'finance') } satisfies Policy<void>,
  // Agreements: the team prepares and offers, the retailer alone signs; finance reads.
  'aid_rules.read': { allow: hasRole('coordinator', 'admin', 'finance') } satisfies Policy<void>,
  'aid_rules.configure': { allow: hasRole('admin') } satisfies Policy<void>,
  'agreement.prepare': { allow: team } satisfies Policy<void>,
  /** A retailer lists only their own agreements. */
  'agreement.list': { allow: hasRole('coordinator', 'admin', 'finance', 'retailer') } satisfies Policy<void>,
  'agreement.read': {
    allow: (a, r) => owner(a, r) || hasRole('coordinator', 'admin', 'finance')(a),
  } satisfies Policy<BusinessFile>,
  'agreement.respond': { allow: owner } satisfies Policy<BusinessFile>,
  'agreement.amend': { allow: (a, r) => owner(a, r) || team(a) } satisfies Policy<BusinessFile>,
  /** Deciding amendments and closing agreements. */
  'agreement.decide': { allow: team } satisfies Policy<void>,
  /** Expiring and withdrawing offers: the job queue only (the system actor). */
  'agreement.settle': { allow: () => false } satisfies Policy<void>,
  // Files: the claim's retailer attaches them; the people who review or pay the claim may read them.
  'claim.attachment.edit': { allow: owner } satisfies Policy<BusinessFile>,
  'claim.attachment.read': {
    allow: (a, r) => owner(a, r) || isAssignedExpert(a, r) || hasRole('coordinator', 'admin', 'finance')(a),
  } satisfies Policy<BusinessFile>,
  // Payments: the retailer enters its bank details; finance verifies them, pays and recovers.
  'bank_account.read': { allow: (a, r) => owner(a, r) || finance(a) } satisfies Policy<BusinessFile>,
  'bank_account.update': { allow: owner } satisfies Policy<BusinessFile>,
  'bank_account.verify': { allow: finance } satisfies Policy<void>,
  'payment_batch.manage': { allow: finance } satisfies Policy<void>,
  // Paying a business the registry shows struck off or bankrupt: finance or an administrator, with a reason.
  'payment.registry_override': { allow: hasRole('finance', 'admin') } satisfies Policy<void>,
  'recovery.manage': { allow: finance } satisfies Policy<void>,
  'recovery.read': {
    allow: (a, r) => owner(a, r) || hasRole('finance', 'coordinator', 'admin')(a),
  } satisfies Policy<BusinessFile>,
  // Claims: the retailer writes them; the business's expert or the team reviews the content, finance the money.
  'claim.write': { allow: owner } satisfies Policy<BusinessFile>,
  'claim.read': {
    allow: (a, r) => owner(a, r) || isAssignedExpert(a, r) || team(a) || a.role === 'finance',
  } satisfies Policy<BusinessFile>,
  /** The queue: each caller sees the claims it may read (the retailer its own, the expert its businesses'). */
  'claim.list': {
    allow: hasRole('retailer', 'expert', 'coordinator', 'admin', 'finance'),
  } satisfies Policy<void>,
  'claim.review_content': {
    allow: (a, r) => isAssignedExpert(a, r) || team(a),
  } satisfies Policy<BusinessFile>,
  'claim.review_finance': { allow: hasRole('finance') } satisfies Policy<BusinessFile>,
};
