import { hasRole, type Policy } from '../../../kernel/policy.ts';

export const programPolicies = {
  'program.read': { anonymous: true, allow: () => true } satisfies Policy<void>,
  'program.configure': { allow: hasRole('admin') } satisfies Policy<void>,
  'program.create': { allow: hasRole('admin') } satisfies Policy<void>,
};
