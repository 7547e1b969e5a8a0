import { hasRole, type Policy } from '../../../kernel/policy.ts';

const team = hasRole('coordinator', 'admin');

export const expertPolicies = {
  'expert.manage': { allow: team } satisfies Policy<void>,
  /** Profiles and workloads: the program team; an expert reads their own. */
  'expert.read': { allow: (a, r) => team(a) || (a.role === 'expert' && a.id === r.userId) } satisfies Policy<{
    userId: string | null;
  }>,
  'assignment.manage': { allow: team } satisfies Policy<void>,
};
