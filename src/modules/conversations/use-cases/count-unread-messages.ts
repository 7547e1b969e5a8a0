import type { Ctx } from '../../../platform/context.ts';
import { unreadCounts } from '../db/queries.ts';

export type UnreadMessages = { total: number; byFile: Record<string, number> };

const NONE: UnreadMessages = { total: 0, byFile: {} };

/**
 * The caller's unread messages, per file: a retailer's in their applications' threads, an expert's in
 * the files assigned to them; nobody else has files of their own (the team reads from the queue). It
 * counts only the caller's own files, so it needs no other authorization.
 */
export async function countUnreadMessages(ctx: Ctx): Promise<UnreadMessages> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || (actor.role !== 'retailer' && actor.role !== 'expert')) return NONE;
  const counts = await unreadCounts(ctx.db, actor.id, actor.role === 'retailer' ? 'applicant' : 'expert');
  return {
    total: [...counts.values()].reduce((sum, n) => sum + n, 0),
    byFile: Object.fromEntries(counts),
  };
}
