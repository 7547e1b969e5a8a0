import { asc } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { registryCaeNaics } from '../db/tables.ts';

/** The CAE → NAICS correspondence, by CAE code. */
export async function getCorrespondence(ctx: Ctx) {
  authorize(ctx.actor, 'registry.read_correspondence');
  const rows = await ctx.db.select().from(registryCaeNaics).orderBy(asc(registryCaeNaics.cae));
  return rows.map(({ cae, naics }) => ({ cae, naics }));
}
