import { desc } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { legalHolds } from '../db/retention-tables.ts';

/** The files under a legal hold, newest first. */
export async function listLegalHolds(ctx: Ctx) {
  authorize(ctx.actor, 'legal_hold.manage');
  return ctx.db.select().from(legalHolds).orderBy(desc(legalHolds.placedAt));
}
