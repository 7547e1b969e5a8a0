import { desc } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { registryLicenceRecords } from '../db/tables.ts';

/**
 * Whether an administrator has recorded that the registry's licence allows republication (the record in
 * force, if any), and the records before it, newest first (decision 44).
 */
export async function getRegistryLicence(ctx: Ctx) {
  authorize(ctx.actor, 'registry.licence');
  const records = await ctx.db
    .select()
    .from(registryLicenceRecords)
    .orderBy(desc(registryLicenceRecords.recordedAt))
    .limit(20);
  return { inForce: records.find((r) => r.revokedAt === null) ?? null, records };
}
