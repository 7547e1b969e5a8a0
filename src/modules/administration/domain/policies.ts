import { hasRole, type Policy } from '../../../kernel/policy.ts';

export const administrationPolicies = {
  'audit.list': { allow: hasRole('admin') } satisfies Policy<void>,
  'outbox.read': { allow: hasRole('admin') } satisfies Policy<void>,
};
