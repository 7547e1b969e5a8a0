import { isStaff } from '../../kernel/roles.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../ids.ts';
import { type FilePart, fileReads } from './file-reads-table.ts';

export type FileRead = { applicationId: string; subjectUserId: string | null; part: FilePart; entityId: string };

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
