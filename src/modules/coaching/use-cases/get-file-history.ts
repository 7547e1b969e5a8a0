import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { assignmentHistory } from '../../experts/index.ts';
import { closures, reopenings } from '../db/tables.ts';
import { fileHistory } from '../domain/history.ts';
import { loadFile } from './load-file.ts';

/**
 * The coaching part of a business's history (the status page adds it to the application's): who was
 * assigned, changes of expert, closures and reopenings. Those who read the file's sessions.
 */
export async function getFileHistory(ctx: Ctx, applicationId: string) {
  const file = await loadFile(ctx, applicationId, 'session.read');
  const [assignments, [closure], undone] = await Promise.all([
    assignmentHistory(ctx.db, file.id),
    ctx.db.select().from(closures).where(eq(closures.applicationId, file.id)),
    ctx.db
      .select()
      .from(reopenings)
      .where(eq(reopenings.applicationId, file.id))
      .orderBy(asc(reopenings.reopenedAt)),
  ]);
  return fileHistory({ assignments, closure: closure ?? null, reopenings: undone });
}
