import { hasRole, type Policy, type UserActor } from '../../../platform/authorization.ts';

const anyone: Policy<void> = { anonymous: true, allow: () => true };
const self = (actor: UserActor, resource: { userId: string }) => actor.id === resource.userId;

/** Who may do what with accounts, sessions and tokens. */
export const identityPolicies = {
  'session.create': anyone,
  'password_reset.request': anyone,
  'password_reset.complete': anyone,
  'invitation.accept': anyone,
  'account.read': { allow: self, beforeSecondFactor: true } satisfies Policy<{ userId: string }>,
  'account.second_factor': { allow: self, beforeSecondFactor: true } satisfies Policy<{ userId: string }>,
  'account.update': { allow: self } satisfies Policy<{ userId: string }>,
  'token.manage': { allow: self } satisfies Policy<{ userId: string }>,
  /** Issuing a token for someone else: the operator at the command line only. */
  'token.issue': { allow: () => false } satisfies Policy<void>,
  'user.list': { allow: hasRole('admin') } satisfies Policy<void>,
  'user.invite': { allow: hasRole('admin') } satisfies Policy<void>,
  'user.change_role': { allow: hasRole('admin') } satisfies Policy<{ userId: string }>,
  'user.set_active': { allow: hasRole('admin') } satisfies Policy<{ userId: string }>,
};
