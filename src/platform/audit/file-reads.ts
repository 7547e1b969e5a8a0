import { desc, eq, lt } from 'drizzle-orm';
import { isStaff } from '../../kernel/roles.ts';
import type { Ctx } from '../context.ts';
import type { Executor, Tx } from '../db/client.ts';
import { destroyOrCount } from '../db/destroy-or-count.ts';
import { newId } from '../ids.ts';
import { type FilePart, fileReads } from './file-reads-table.ts';

export type FileRead = {
  applicationId: string;
  subjectUserId: string | null;
  part: FilePart;
  entityId: string;
};

/**
 * Logs that a staff member read part of a person's file (Law 25: the officer can say who read what).
 * One small insert outside any transaction; the person's own reads and lists are not logged.
 */
export async function recordFileRead(ctx: Ctx, read: FileRead): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !isStaff(actor.role) || !read.subjectUserId) return;
  if (actor.id === read.subjectUserId) return;
  await ctx.db.insert(fileReads).values({
    id: newId(),
    readAt: ctx.now(),
    readerId: actor.id,
    readerRole: actor.role,
    subjectUserId: read.subjectUserId,
    applicationId: read.applicationId,
    part: read.part,
    entityId: read.entityId,
  });
}

/** The reads of a person's file, newest first (the officer's view, the person's request). */
export async function readsAbout(db: Executor, subjectUserId: string, limit: number) {
  return db
    .select()
    .from(fileReads)
    .where(eq(fileReads.subjectUserId, subjectUserId))
    .orderBy(desc(fileReads.readAt), desc(fileReads.id))
    .limit(limit);
}

/** Destroys (or only counts, for a dry run) the reads logged before `cutoff` (the retention schedule). */
export async function destroyFileReads(tx: Tx, cutoff: Date, dryRun: boolean): Promise<number> {
  return destroyOrCount(tx, fileReads, lt(fileReads.readAt, cutoff), dryRun);
}
