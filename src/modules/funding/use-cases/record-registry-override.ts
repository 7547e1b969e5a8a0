import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { blockedNeqs } from '../../registry/index.ts';
import { registryPaymentOverrides } from '../db/tables.ts';
import { fileOf } from './get-bank-account.ts';

export const registryOverrideInput = z.strictObject({
  reason: z
    .string({ error: 'funding:payments.errors.override_reason' })
    .trim()
    .min(3, { error: 'funding:payments.errors.override_reason' })
    .max(2000, { error: 'funding:payments.errors.override_reason' }),
});

/**
 * Finance (or an administrator) decides to pay a business the registry's current extract shows struck
 * off or bankrupt, with the reason: payment batches include its approved claims again. Recorded for the
 * business's NEQ of now, audited; recorded again, the new reason replaces the old (both audited). A
 * business the registry does not block needs no override (409).
 */
export async function recordRegistryOverride(ctx: Ctx, applicationId: string, input: unknown) {
  authorize(ctx.actor, 'payment.registry_override');
  const actor = signedInActor(ctx.actor);
  const { reason } = parseInput(registryOverrideInput, input, 'funding');
  const file = await fileOf(ctx, applicationId);
  return transaction(ctx, async (tx) => {
    if (!file.neq || !(await blockedNeqs(tx, [file.neq])).has(file.neq))
      throw new AppError('conflict', { key: 'funding:payments.errors.override_not_blocked' });
    const values = { neq: file.neq, reason, recordedBy: actor.id, recordedAt: ctx.now() };
    const [row] = await tx
      .insert(registryPaymentOverrides)
      .values({ applicationId, ...values })
      .onConflictDoUpdate({ target: registryPaymentOverrides.applicationId, set: values })
      .returning();
    await appendAudit(tx, ctx, {
      action: 'payment.registry_override_recorded',
      entityType: 'application',
      entityId: applicationId,
      changes: { neq: file.neq, reason },
    });
    return row!;
  });
}
