import { hasRole, type Policy } from '../../../kernel/policy.ts';

export const fieldModePolicies = {
  /** Visit packs and offline changes: experts, for the files assigned to them (checked per file). */
  'fieldmode.pack': { allow: hasRole('expert') } satisfies Policy<void>,
  'fieldmode.sync': { allow: hasRole('expert') } satisfies Policy<void>,
};
