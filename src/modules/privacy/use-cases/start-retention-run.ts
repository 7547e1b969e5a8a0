import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { retentionRuns } from '../db/retention-tables.ts';

export const RETENTION_JOB = 'privacy.retention';

export const startRunInput = z.strictObject({
  dryRun: z.boolean().describe('Only count what would be anonymised or destroyed'),
});

/**
 * Queues a retention run (the officer's button, the API, the nightly schedule, the command line): the
 * row and its job commit together, so a run is never lost nor run twice. `startedVia` says where from.
 */
export async function startRetentionRun(
  ctx: Ctx,
  input: unknown,
  options: { queue: boolean } = { queue: true },
) {
  authorize(ctx.actor, 'retention.run');
  const { dryRun } = parseInput(startRunInput, input, 'privacy');
  return transaction(ctx, async (tx) => {
    const [run] = await tx
      .insert(retentionRuns)
      .values({
        id: newId(),
        dryRun,
        status: 'queued',
        startedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        startedVia:
          ctx.actor.kind === 'user'
            ? ctx.actor.via
            : ctx.actor.kind === 'system'
              ? ctx.actor.label
              : 'anonymous',
        queuedAt: ctx.now(),
      })
      .returning();
    if (options.queue) await ctx.services.jobs.enqueue(tx, RETENTION_JOB, { id: run!.id });
    await appendAudit(tx, ctx, {
      action: 'retention.start',
      entityType: 'retention_run',
      entityId: run!.id,
      changes: { dryRun },
    });
    return run!;
  });
}
