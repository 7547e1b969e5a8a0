import { hasRole, type Policy, type UserActor } from '../../../platform/authorization.ts';

/** A diagnostic as authorization sees it: the retailer it belongs to. */
export type DiagnosticResource = { applicantId: string | null };

const owner = (a: UserActor, r: DiagnosticResource) => a.role === 'retailer' && a.id === r.applicantId;
const team = hasRole('coordinator', 'admin');

export const diagnosticPolicies = {
  'questionnaire.read': { anonymous: true, allow: () => true } satisfies Policy<void>,
  'questionnaire.manage': { allow: hasRole('admin') } satisfies Policy<void>,
  'diagnostic.start': { allow: (a, r) => owner(a, r) || team(a) } satisfies Policy<DiagnosticResource>,
  /** The retailer fills it in (an expert with them during a visit, once experts are assigned). */
  'diagnostic.answer': { allow: owner } satisfies Policy<DiagnosticResource>,
  /** Never the ministry or researchers: they see aggregates and anonymised data only. */
  'diagnostic.read': { allow: (a, r) => owner(a, r) || team(a) } satisfies Policy<DiagnosticResource>,
  'recommendation.manage': { allow: hasRole('admin') } satisfies Policy<void>,
};
