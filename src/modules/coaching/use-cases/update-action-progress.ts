import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { planActions } from '../db/tables.ts';
import { ACTION_STATUSES } from '../domain/plan.ts';
import { getPlan } from './get-plan.ts';
import { assertOpen, loadFile } from './load-file.ts';

export const actionProgressInput = z.strictObject({ status: z.enum(ACTION_STATUSES) });

/** The retailer or the expert marks where an action of the plan stands (to do, in progress, done, dropped). */
export async function updateActionProgress(
  ctx: Ctx,
  applicationId: string,
  actionId: string,
  input: unknown,
) {
  const { status } = parseInput(actionProgressInput, input);
  const file = await loadFile(ctx, applicationId, 'plan.progress');
  assertOpen(file);
  if (!UUID_PATTERN.test(actionId)) throw new AppError('not_found');
  await transaction(ctx, async (tx) => {
    const [action] = await tx
      .select()
      .from(planActions)
      .where(and(eq(planActions.id, actionId), eq(planActions.applicationId, file.id)))
      .for('update');
    if (!action) throw new AppError('not_found');
    if (action.status === status) return;
    await tx.update(planActions).set({ status, updatedAt: ctx.now() }).where(eq(planActions.id, actionId));
    await appendAudit(tx, ctx, {
      action: 'plan.action_progress',
      entityType: 'application',
      entityId: file.id,
      changes: { actionId, objective: action.objective, status: [action.status, status] },
    });
  });
  return getPlan(ctx, file.id);
}
