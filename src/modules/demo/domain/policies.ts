import type { Policy } from '../../../kernel/policy.ts';

export const demoPolicies = {
  /** Generating demo data: the operator at the command line only. */
  'demo.generate': { allow: () => false } satisfies Policy<void>,
};
