import { hasRole, type Policy } from '../../../kernel/policy.ts';

/**
 * The program's dashboard stays inside the program team (it names files in its alerts); the ministry
 * reads the indicators only, every figure through disclosure control; the measured impact, which
 * compares experts, is for coordinators.
 */
export const reportingPolicies = {
  'dashboard.read': { allow: hasRole('coordinator', 'admin') } satisfies Policy<void>,
  'impact.read': { allow: hasRole('coordinator') } satisfies Policy<void>,
  'indicators.read': { allow: hasRole('coordinator', 'admin', 'ministry') } satisfies Policy<void>,
};
