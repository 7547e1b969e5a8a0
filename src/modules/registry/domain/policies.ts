import { hasRole, type Policy } from '../../../kernel/policy.ts';

/**
 * The registry's open data: administrators import it and keep the CAE → NAICS correspondence; anyone
 * may look a business up (the pre-check is public), staff freely, others within a limit (decision 40).
 */
export const registryPolicies = {
  'registry.import': { allow: hasRole('admin') } satisfies Policy<void>,
  'registry.read_imports': { allow: hasRole('admin') } satisfies Policy<void>,
  'registry.edit_correspondence': { allow: hasRole('admin') } satisfies Policy<void>,
  'registry.read_correspondence': {
    allow: hasRole('admin', 'coordinator', 'ministry', 'finance'),
  } satisfies Policy<void>,
  /** Record or revoke that the licence allows republication, and read that record (decision 44). */
  'registry.licence': { allow: hasRole('admin') } satisfies Policy<void>,
  'registry.lookup': { anonymous: true, allow: () => true } satisfies Policy<void>,
};
