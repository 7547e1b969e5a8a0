import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { recordEvent } from '../db/application-writes.ts';
import { findApplication } from '../db/queries.ts';

export const noteInput = z.strictObject({ text: z.string().trim().min(1).max(4000) });

/** A note by the program team on an application; never shown to the retailer. */
export async function addApplicationNote(ctx: Ctx, id: string, input: unknown): Promise<void> {
  authorize(ctx.actor, 'application.review');
  if (!UUID_PATTERN.test(id) || !(await findApplication(ctx.db, id))) throw new AppError('not_found');
  const { text } = parseInput(noteInput, input, 'intake');
  await transaction(ctx, async (tx) => {
    await recordEvent(tx, ctx, id, { kind: 'note', message: text });
    await appendAudit(tx, ctx, { action: 'application.note_added', entityType: 'application', entityId: id });
  });
}
