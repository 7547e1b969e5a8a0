import { hasRole, type Policy } from '../../../platform/authorization.ts';

export const programPolicies = {
  'program.read': { anonymous: true, allow: () => true } satisfies Policy<void>,
  'program.configure': { allow: hasRole('admin') } satisfies Policy<void>,
  'program.create': { allow: hasRole('admin') } satisfies Policy<void>,
};
