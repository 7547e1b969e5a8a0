import { hasRole, type Policy } from '../../../platform/authorization.ts';

export const administrationPolicies = {
  'audit.list': { allow: hasRole('admin') } satisfies Policy<void>,
  'outbox.read': { allow: hasRole('admin') } satisfies Policy<void>,
};
