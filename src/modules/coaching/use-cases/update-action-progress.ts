import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { planActions } from '../db/tables.ts';
import { ACTION_NOTE_MAX, ACTION_STATUSES } from '../domain/plan.ts';
import { getPlan } from './get-plan.ts';
import { assertOpen, loadFile } from './load-file.ts';

export const actionProgressInput = z.strictObject({
  status: z.enum(ACTION_STATUSES).optional(),
  /** Where the action stands, in words (the expert or the program team: it is part of the plan they write). */
  note: z.string().trim().max(ACTION_NOTE_MAX).optional(),
});

/**
 * The retailer or the expert marks where an action of the plan stands (to do, in progress, done,
 * dropped); the expert (or the program team) may also change its note.
 */
export async function updateActionProgress(
  ctx: Ctx,
  applicationId: string,
  actionId: string,
  input: unknown,
) {
  const { status, note } = parseInput(actionProgressInput, input, 'coaching');
  const file = await loadFile(ctx, applicationId, note === undefined ? 'plan.progress' : 'plan.edit');
  assertOpen(file);
  if (!UUID_PATTERN.test(actionId)) throw new AppError('not_found');
  await transaction(ctx, async (tx) => {
    const [action] = await tx
      .select()
      .from(planActions)
      .where(and(eq(planActions.id, actionId), eq(planActions.applicationId, file.id)))
      .for('update');
    if (!action) throw new AppError('not_found');
    const newStatus = status !== undefined && status !== action.status ? status : undefined;
    const newNote = note !== undefined && note !== action.note ? note : undefined;
    if (newStatus === undefined && newNote === undefined) return;
    await tx
      .update(planActions)
      .set({ status: newStatus, note: newNote, updatedAt: ctx.now() })
      .where(eq(planActions.id, actionId));
    await appendAudit(tx, ctx, {
      action: 'plan.action_progress',
      entityType: 'application',
      entityId: file.id,
      // The note's text stays out of the audit log (it may name people): that it changed is enough.
      changes: {
        actionId,
        objective: action.objective,
        ...(newStatus ? { status: [action.status, newStatus] } : {}),
        ...(newNote !== undefined ? { noteChanged: true } : {}),
      },
    });
  });
  return getPlan(ctx, file.id);
}
