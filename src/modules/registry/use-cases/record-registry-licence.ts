import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { licenceInForce } from '../db/queries.ts';
import { registryLicenceRecords } from '../db/tables.ts';
import { getRegistryLicence } from './get-registry-licence.ts';

export const registryLicenceInput = z.strictObject({
  /** The licence relied on: its name, version, address, and the clause that allows republication. */
  licence: z.string().trim().min(10).max(2000),
});

/**
 * An administrator records that the registry's licence allows republishing registry-derived values
 * (in research extracts): who and when are kept, audited; one record in force at a time (409 while one is).
 */
export async function recordRegistryLicence(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'registry.licence');
  const { licence } = parseInput(registryLicenceInput, input, 'registry');
  await transaction(ctx, async (tx) => {
    if (await licenceInForce(tx)) throw new AppError('conflict', { key: 'registry:errors.licence_in_force' });
    const id = newId();
    await tx.insert(registryLicenceRecords).values({
      id,
      licence,
      recordedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      recordedAt: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'registry.licence_recorded',
      entityType: 'registry',
      entityId: id,
      changes: { licence },
    });
  });
  return getRegistryLicence(ctx);
}
