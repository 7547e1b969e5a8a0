import type { Actor, Policy, PolicyTable, UserActor } from '../kernel/policy.ts';
import { AppError } from './errors.ts';

export type { Actor, Policy, PolicyTable, UserActor } from '../kernel/policy.ts';
export { ANONYMOUS } from '../kernel/policy.ts';

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
 * for it (code that checks rights itself refuses them too), since giving it may well change the answer;
 * someone whose session or token is a deactivated account's is told so, not asked to sign in again
 * (field mode wipes the device then). Only the holder of the credential learns it.
 */
export function refusalFor(actor: Actor | undefined, error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.code === 'forbidden' && actor?.kind === 'user' && !actor.secondFactor)
    return secondFactorRequired();
  const signInAsked = error.code === 'unauthenticated' && error.key === 'common:errors.unauthenticated';
  if (signInAsked && actor?.kind === 'anonymous' && actor.deactivated)
    return new AppError('account_deactivated', { key: 'common:errors.account_deactivated_detail' });
  return error;
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
export function allowedBy<T extends PolicyTable>(table: T) {
  return <A extends keyof T & string>(
    actor: Actor,
    action: A,
    resource?: T[A] extends Policy<infer R> ? R : never,
  ): boolean => decide(table, actor, action, resource) === 'allow';
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

/** The signed-in person behind a request, or unauthenticated (for "my account" actions). */
export function signedInActor(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor;
}
