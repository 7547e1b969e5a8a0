import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { licenceInForce } from '../db/queries.ts';
import { registryLicenceRecords } from '../db/tables.ts';
import { getRegistryLicence } from './get-registry-licence.ts';

/**
 * An administrator revokes the record in force: extracts made from now on leave registry-derived values
 * out again. The record stays, marked revoked by whom and when; audited. 409 when none is in force.
 */
export async function revokeRegistryLicence(ctx: Ctx) {
  authorize(ctx.actor, 'registry.licence');
  await transaction(ctx, async (tx) => {
    const record = await licenceInForce(tx);
    if (!record) throw new AppError('conflict', { key: 'registry:errors.no_licence_in_force' });
    await tx
      .update(registryLicenceRecords)
      .set({ revokedAt: ctx.now(), revokedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null })
      .where(eq(registryLicenceRecords.id, record.id));
    await appendAudit(tx, ctx, {
      action: 'registry.licence_revoked',
      entityType: 'registry',
      entityId: record.id,
    });
  });
  return getRegistryLicence(ctx);
}
