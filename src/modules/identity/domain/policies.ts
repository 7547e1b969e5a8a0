import { hasRole, type Policy, type UserActor } from '../../../kernel/policy.ts';
import { ROLES, type Role } from '../../../kernel/roles.ts';

const anyone: Policy<void> = { anonymous: true, allow: () => true };
const self = (actor: UserActor, resource: { userId: string }) => actor.id === resource.userId;

/**
 * Whom each role may invite. Coordinators bring in the people of the partner organisations they create
 * and the experts they assign, never staff with more rights than theirs.
 */
const INVITABLE_ROLES: Partial<Record<Role, readonly Role[]>> = {
  admin: ROLES,
  coordinator: ['partner', 'expert'],
};
export const rolesInvitableBy = (role: Role): readonly Role[] => INVITABLE_ROLES[role] ?? [];

/** Without a role: whether the actor may invite anyone at all (to offer the form). */
const invite: Policy<{ role: Role } | undefined> = {
  allow: (actor, resource) =>
    resource ? rolesInvitableBy(actor.role).includes(resource.role) : rolesInvitableBy(actor.role).length > 0,
};

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
  'user.invite': invite,
  'user.change_role': { allow: hasRole('admin') } satisfies Policy<{ userId: string }>,
  'user.set_active': { allow: hasRole('admin') } satisfies Policy<{ userId: string }>,
};
