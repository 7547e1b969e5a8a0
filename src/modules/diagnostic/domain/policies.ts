import {
  type BusinessFile,
  isAssignedExpert as coach,
  hasRole,
  isApplicant as owner,
  type Policy,
} from '../../../kernel/policy.ts';

const team = hasRole('coordinator', 'admin');

export const diagnosticPolicies = {
  'questionnaire.read': { anonymous: true, allow: () => true } satisfies Policy<void>,
  'questionnaire.manage': { allow: hasRole('admin') } satisfies Policy<void>,
  'diagnostic.start': {
    allow: (a, r) => owner(a, r) || coach(a, r) || team(a),
  } satisfies Policy<BusinessFile>,
  /** The retailer fills it in, or their expert with them during a visit. */
  'diagnostic.answer': { allow: (a, r) => owner(a, r) || coach(a, r) } satisfies Policy<BusinessFile>,
  /** Never the ministry or researchers: they see aggregates and anonymised data only. */
  'diagnostic.read': {
    allow: (a, r) => owner(a, r) || coach(a, r) || team(a),
  } satisfies Policy<BusinessFile>,
  'recommendation.manage': { allow: hasRole('admin') } satisfies Policy<void>,
};
