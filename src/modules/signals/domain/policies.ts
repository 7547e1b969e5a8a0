import { hasRole, type Policy } from '../../../kernel/policy.ts';

/**
 * Abuse signals are read and resolved by the program team and finance; never by retailers, experts,
 * partners, the ministry or researchers (a signal names files and suspicions about them).
 */
const team = hasRole('coordinator', 'admin', 'finance');

export const signalPolicies = {
  'signal.read': { allow: team } satisfies Policy<void>,
  'signal.resolve': { allow: team } satisfies Policy<void>,
  /** Recomputing every signal (the first run, or after an import) is the operator's or an administrator's. */
  'signal.recompute': { allow: hasRole('admin') } satisfies Policy<void>,
};
