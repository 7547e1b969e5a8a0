import { readsAbout } from '../../../platform/audit/file-reads.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { contactOf } from '../../identity/index.ts';

/** The most reads shown at once; the log keeps them all for its retention period. */
const SHOWN = 500;

/**
 * Who on the staff read which part of a person's file, and when, newest first: for the privacy officer,
 * and for the person themselves (their request to know who read their file).
 */
export async function listFileReads(ctx: Ctx, userId: string) {
  if (!UUID_PATTERN.test(userId)) throw new AppError('not_found');
  authorize(ctx.actor, 'file_reads.read', { userId });
  const reads = await readsAbout(ctx.db, userId, SHOWN);
  const readers = new Map<string, string>();
  for (const id of new Set(reads.map((r) => r.readerId)))
    readers.set(id, (await contactOf(ctx.db, id))?.name ?? '');
  return reads.map((r) => ({ ...r, readerName: readers.get(r.readerId) ?? '' }));
}
