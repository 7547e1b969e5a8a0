import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { type ExportJob, exportJobs } from '../../../platform/exports/jobs-table.ts';
import { authorize } from '../../../wiring/authorize.ts';

/** How many of their latest exports a person sees: the files last a week. */
const SHOWN = 50;

/** The person's own exports, newest first, with their progress (« Mes exportations »). */
export async function listMyExports(ctx: Ctx): Promise<ExportJob[]> {
  authorize(ctx.actor, 'export.start');
  if (ctx.actor.kind !== 'user') return [];
  return ctx.db
    .select()
    .from(exportJobs)
    .where(eq(exportJobs.requestedBy, ctx.actor.id))
    .orderBy(desc(exportJobs.createdAt), desc(exportJobs.id))
    .limit(SHOWN);
}
