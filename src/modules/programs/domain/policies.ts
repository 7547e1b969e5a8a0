import type { Policy } from '../../../platform/authorization.ts';

export const programPolicies = {
  'program.read': { anonymous: true, allow: () => true } satisfies Policy<void>,
};
