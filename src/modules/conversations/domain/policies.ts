import {
  type BusinessFile,
  isAssignedExpert as coach,
  hasRole,
  isApplicant as owner,
  type Policy,
} from '../../../kernel/policy.ts';

const team = hasRole('coordinator', 'admin');

export const conversationPolicies = {
  /** A file's thread: the retailer whose file it is, the expert assigned to it, the program team. */
  'conversation.read': {
    allow: (a, r) => owner(a, r) || coach(a, r) || team(a),
  } satisfies Policy<BusinessFile>,
  'conversation.post': {
    allow: (a, r) => owner(a, r) || coach(a, r) || team(a),
  } satisfies Policy<BusinessFile>,
};
