import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { retentionRuns } from '../db/retention-tables.ts';

/** One retention run and what it counted per kind of record. */
export async function getRetentionRun(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'retention.read');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const [run] = await ctx.db.select().from(retentionRuns).where(eq(retentionRuns.id, id));
  if (!run) throw new AppError('not_found');
  return run;
}
