import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { cursorField, decodeCursor, limitField, toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { programMessages } from '../db/messages.ts';
import { withProgress } from './message-view.ts';

export const listMessagesInput = z.strictObject({
  programId: z.uuid(),
  cursor: cursorField.optional(),
  limit: limitField,
});

/** A program's messages, newest first, each with its progress (the program team). */
export async function listMessages(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'message.read');
  const f = parseInput(listMessagesInput, input, 'outreach');
  const cursor = f.cursor ? decodeCursor(f.cursor) : undefined;
  const rows = await programMessages(ctx.db, {
    programId: f.programId,
    after: cursor ? { at: new Date(String(cursor[0])), id: String(cursor[1]) } : undefined,
    take: f.limit + 1,
  });
  const page = toPage(rows, f.limit, (m) => [m.createdAt.toISOString(), m.id]);
  return { ...page, items: await withProgress(ctx.db, page.items) };
}
