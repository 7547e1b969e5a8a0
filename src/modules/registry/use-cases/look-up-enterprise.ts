import { normaliseNeq } from '../../../kernel/quebec.ts';
import { isStaff } from '../../../kernel/roles.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { assertNotThrottled, countAttempts, type ThrottleKey } from '../../identity/index.ts';
import { findRegistryEnterprise } from '../db/queries.ts';

/** Lookups of businesses not one's own: enough to fill in a form, too few to copy the registry. */
const LOOKUP_RULE = { maxFailures: 30, windowSeconds: 60 * 60, blockSeconds: 60 * 60 };

/**
 * A business as the registry's current extract describes it. Staff look up any NEQ, an applicant their
 * own application's; anyone else (a retailer before applying, the public pre-check) within a limit per
 * account and per address, counted whether the NEQ is found or not: Virage is no way to copy the
 * registry. Not listed: not found.
 */
export async function lookUpEnterprise(ctx: Ctx, neqInput: string) {
  authorize(ctx.actor, 'registry.lookup');
  const neq = normaliseNeq(neqInput);
  if (!neq) throw fieldError('neq', 'registry:errors.neq');
  const { actor } = ctx;
  const free =
    actor.kind === 'system' ||
    (actor.kind === 'user' &&
      (isStaff(actor.role) || (await ctx.services.reactions.appliedWithNeq(ctx.db, actor.id, neq))));
  if (!free) {
    const keys: ThrottleKey[] = [
      ...(actor.kind === 'user' ? [{ key: `registry-lookup:account:${actor.id}`, rule: LOOKUP_RULE }] : []),
      ...(ctx.ip ? [{ key: `registry-lookup:address:${ctx.ip}`, rule: LOOKUP_RULE }] : []),
    ];
    await assertNotThrottled(ctx.db, keys, ctx.now());
    await transaction(ctx, (tx) => countAttempts(tx, keys, ctx.now()));
  }
  const enterprise = await findRegistryEnterprise(ctx.db, neq);
  if (!enterprise) throw new AppError('not_found', { key: 'registry:errors.not_listed' });
  return enterprise;
}
