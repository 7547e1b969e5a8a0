import type { Executor } from '../../../platform/db/client.ts';
import { type MessageRow, type Progress, progressOf } from '../db/messages.ts';

export type MessageView = MessageRow & { progress: Progress };

const NONE: Progress = { recipients: 0, queued: 0, sent: 0, failed: 0, unsubscribed: 0 };

/** Messages with their progress, read in one statement. */
export async function withProgress(db: Executor, rows: MessageRow[]): Promise<MessageView[]> {
  const progress = await progressOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, progress: progress.get(r.id) ?? NONE }));
}

export async function messageView(db: Executor, row: MessageRow): Promise<MessageView> {
  return (await withProgress(db, [row]))[0]!;
}
