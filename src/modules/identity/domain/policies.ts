import { hasRole, type Policy, type UserActor } from '../../../kernel/policy.ts';

const anyone: Policy<void> = { anonymous: true, allow: () => true };
const self = (actor: UserActor, resource: { userId: string }) => actor.id === resource.userId;

/** Who may do what with accounts, sessions and tokens. */
export const identityPolicies = {
  'session.create': anyone,
  'password_reset.request': anyone,
  'password_reset.complete': anyone,
  'invitation.accept': anyone,
  'account.register': anyone,
  'account.verify_email': anyone,
  'account.read': { allow: self, beforeSecondFactor: true } satisfies Policy<{ userId: string }>,
  'account.second_factor': { allow: self, beforeSecondFactor: true } satisfies Policy<{ userId: string }>,
  'account.update': { allow: self } satisfies Policy<{ userId: string }>,
  'token.manage': { allow: self } satisfies Policy<{ userId: string }>,
  /** Operator-only actions (command line): issuing someone a token, creating accounts in bulk. */
  'user.create_in_bulk': { allow: () => false } satisfies Policy<void>,
  'token.issue': { allow: () => false } satisfies Policy<void>,
  'user.list': { allow: hasRole('admin') } satisfies Policy<void>,
  'user.invite': { allow: hasRole('admin') } satisfies Policy<void>,
  'user.change_role': { allow: hasRole('admin') } satisfies Policy<{ userId: string }>,
  'user.set_active': { allow: hasRole('admin') } satisfies Policy<{ userId: string }>,
};
