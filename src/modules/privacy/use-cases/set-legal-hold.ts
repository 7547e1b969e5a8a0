import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { applicationProfile } from '../../intake/index.ts';
import { legalHolds } from '../db/retention-tables.ts';

export const holdInput = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(3)
    .max(1000)
    .describe('Why the file must be kept (a dispute, an audit, a recovery)'),
});

/** Places a legal hold on a file: the retention job leaves it as it is until the hold is lifted. */
export async function placeLegalHold(ctx: Ctx, applicationId: string, input: unknown) {
  authorize(ctx.actor, 'legal_hold.manage');
  await existingFile(ctx, applicationId);
  const { reason } = parseInput(holdInput, input, 'privacy');
  return transaction(ctx, async (tx) => {
    const values = {
      reason,
      placedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      placedAt: ctx.now(),
    };
    const [hold] = await tx
      .insert(legalHolds)
      .values({ applicationId, ...values })
      .onConflictDoUpdate({ target: legalHolds.applicationId, set: values })
      .returning();
    await appendAudit(tx, ctx, {
      action: 'legal_hold.place',
      entityType: 'application',
      entityId: applicationId,
      changes: { reason },
    });
    return hold!;
  });
}

/** Lifts a file's legal hold: its retention resumes at the next run. */
export async function liftLegalHold(ctx: Ctx, applicationId: string) {
  authorize(ctx.actor, 'legal_hold.manage');
  await existingFile(ctx, applicationId);
  await transaction(ctx, async (tx) => {
    const lifted = await tx.delete(legalHolds).where(eq(legalHolds.applicationId, applicationId)).returning();
    if (lifted.length === 0) throw new AppError('not_found');
    await appendAudit(tx, ctx, {
      action: 'legal_hold.lift',
      entityType: 'application',
      entityId: applicationId,
    });
  });
}

async function existingFile(ctx: Ctx, applicationId: string) {
  if (!UUID_PATTERN.test(applicationId) || !(await applicationProfile(ctx.db, applicationId)))
    throw new AppError('not_found');
}
