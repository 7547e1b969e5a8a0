import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { applyChanges, lockApplication, recordEvent } from '../db/application-writes.ts';
import { applicationChangesInput } from '../domain/application-input.ts';
import { EDITABLE_STATUSES } from '../domain/status.ts';
import { detailOf } from './get-application.ts';
import { loadApplication } from './load-application.ts';

/** Saves changes to one's own draft, or to an application the team asked more information about. */
export async function updateApplication(ctx: Ctx, id: string, input: unknown) {
  await loadApplication(ctx, id, 'application.update');
  const changes = parseInput(applicationChangesInput, input, 'intake');
  const app = await transaction(ctx, async (tx) => {
    const current = await lockApplication(tx, id);
    if (!EDITABLE_STATUSES.includes(current.status)) {
      throw new AppError('conflict', {
        key: 'intake:errors.not_editable',
        params: { status: current.status },
      });
    }
    const saved = await applyChanges(tx, ctx, current, changes);
    if (current.status !== 'draft') {
      await recordEvent(tx, ctx, id, { kind: 'updated' });
      await ctx.services.reactions.applicationChanged(tx, ctx, id);
    }
    await appendAudit(tx, ctx, {
      action: 'application.updated',
      entityType: 'application',
      entityId: id,
      changes: {
        fields: [
          ...Object.keys(changes.business ?? {}),
          ...Object.keys(changes).filter((k) => k !== 'business'),
        ],
      },
    });
    return saved;
  });
  return detailOf(ctx, app, false);
}
