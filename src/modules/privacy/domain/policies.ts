import type { Policy } from '../../../kernel/policy.ts';

/**
 * Who may do what with people's privacy rights: the person themselves, and the privacy officer (role
 * `privacy`), who answers requests, keeps the incident register and runs the retention schedule.
 */
export const privacyPolicies = {} satisfies Record<string, Policy<never>>;
