import type { Locale } from '../kernel/locale.ts';
import type { Role } from '../kernel/roles.ts';
import { AppError } from './errors.ts';

export type UserActor = {
  kind: 'user';
  id: string;
  role: Role;
  email: string;
  name: string;
  locale: Locale;
  /** False while a staff member (or anyone who enabled TOTP) has not yet given the second factor. */
  secondFactor: boolean;
  via: 'session' | 'token';
  sessionId?: string;
};

/** Who is acting: a person, nobody, or the operator at the command line / a background job. */
export type Actor = { kind: 'anonymous' } | UserActor | { kind: 'system'; label: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** A policy decides from the actor and the resource alone: pure, no I/O. */
export type Policy<R = unknown> = {
  allow: (actor: UserActor, resource: R) => boolean;
  /** Anonymous visitors may do it too (public pages, sign-in). */
  anonymous?: boolean;
  /** Allowed before the second factor is given (only what leads to giving it). */
  beforeSecondFactor?: boolean;
};

export type PolicyTable = Record<string, Policy<never>>;

type Decision = 'allow' | 'unauthenticated' | 'second_factor_required' | 'forbidden';

/** The decision alone, without throwing: exceptions cost a stack trace, and pages ask many questions. */
function decide(table: PolicyTable, actor: Actor, action: string, resource: unknown): Decision {
  const policy = table[action] as Policy<unknown> | undefined;
  if (!policy) throw new Error(`No policy for action ${action}`);
  if (actor.kind === 'system') return 'allow';
  if (actor.kind === 'anonymous') return policy.anonymous ? 'allow' : 'unauthenticated';
  if (!actor.secondFactor && !policy.beforeSecondFactor) return 'second_factor_required';
  return policy.allow(actor, resource) ? 'allow' : 'forbidden';
}

const secondFactorRequired = () =>
  new AppError('second_factor_required', { key: 'common:errors.second_factor_required_detail' });

/**
 * A refusal as the person should read it: someone who has not given their second factor yet is asked
 * for it (code that checks rights itself refuses them too), since giving it may well change the answer.
 */
export function refusalFor(actor: Actor | undefined, error: unknown): unknown {
  const refused = error instanceof AppError && error.code === 'forbidden';
  return refused && actor?.kind === 'user' && !actor.secondFactor ? secondFactorRequired() : error;
}

/** Builds the one authorize() from the policy tables of every module. */
export function createAuthorize<T extends PolicyTable>(table: T) {
  return function authorize<A extends keyof T & string>(
    actor: Actor,
    action: A,
    resource?: T[A] extends Policy<infer R> ? R : never,
  ): void {
    const decision = decide(table, actor, action, resource);
    if (decision === 'second_factor_required') throw secondFactorRequired();
    if (decision !== 'allow') throw new AppError(decision);
  };
}

/** Whether the actor may do it, without throwing (for navigation and buttons). */
export function allowedBy(table: PolicyTable) {
  return (actor: Actor, action: string, resource?: unknown): boolean =>
    decide(table, actor, action, resource) === 'allow';
}

/**
 * The same check, but refusals read "not found": for things the caller may not even know exist, so that
 * ids cannot be probed.
 */
export function hidingForbidden<F extends (actor: Actor, action: never, resource?: never) => void>(
  authorize: F,
): F {
  return ((actor: Actor, action: never, resource?: never) => {
    try {
      authorize(actor, action, resource);
    } catch (error) {
      if (error instanceof AppError && error.code === 'forbidden') throw new AppError('not_found');
      throw error;
    }
  }) as F;
}

// Small building blocks for policy tables.
export const hasRole =
  (...roles: Role[]) =>
  (actor: UserActor) =>
    roles.includes(actor.role);
export const signedIn = () => true;

/** The signed-in person behind a request, or unauthenticated (for "my account" actions). */
export function signedInActor(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor;
}

/** A business's file as access rules see it: the retailer who applied and the expert who coaches it. */
export type BusinessFile = { applicantId: string | null; assignedExpertUserId?: string | null };

/** The retailer whose file it is. */
export const isApplicant = (actor: UserActor, file: BusinessFile) =>
  actor.role === 'retailer' && actor.id === file.applicantId;

/** The expert assigned to the business, and only them (never another expert). */
export const isAssignedExpert = (actor: UserActor, file: BusinessFile) =>
  actor.role === 'expert' && !!file.assignedExpertUserId && actor.id === file.assignedExpertUserId;
