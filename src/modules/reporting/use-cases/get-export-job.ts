import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { type ExportJob, exportJobs } from '../../../platform/exports/jobs-table.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';

/** An export job, for the person who asked for it only (anyone else is told it does not exist). */
export async function getExportJob(ctx: Ctx, id: string): Promise<ExportJob> {
  const job = await findExportJob(ctx.db, id);
  if (!job) throw new AppError('not_found');
  authorizeVisible(ctx.actor, 'export.read', job);
  return job;
}

export async function findExportJob(db: Executor, id: string): Promise<ExportJob | undefined> {
  if (!UUID_PATTERN.test(id)) return undefined;
  const [job] = await db.select().from(exportJobs).where(eq(exportJobs.id, id));
  return job;
}
