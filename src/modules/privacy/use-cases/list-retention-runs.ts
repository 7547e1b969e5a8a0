import { desc } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { retentionRuns } from '../db/retention-tables.ts';

/** The destruction log: the latest retention runs, newest first, with their counts. */
export async function listRetentionRuns(ctx: Ctx) {
  authorize(ctx.actor, 'retention.read');
  return ctx.db
    .select()
    .from(retentionRuns)
    .orderBy(desc(retentionRuns.queuedAt), desc(retentionRuns.id))
    .limit(100);
}
