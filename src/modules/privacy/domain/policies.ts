import type { Policy } from '../../../kernel/policy.ts';
import { retentionPolicies } from './retention-policies.ts';

/**
 * Who may do what with people's privacy rights: the person themselves, and the privacy officer (role
 * `privacy`), who answers requests, keeps the incident register and runs the retention schedule.
 */
export const privacyPolicies = {
  ...retentionPolicies,
} satisfies Record<string, Policy<never>>;
