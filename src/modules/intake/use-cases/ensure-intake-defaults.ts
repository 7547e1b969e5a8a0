import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { currentCriteria } from '../db/queries.ts';
import { setUpProgramIntake } from './set-up-program-intake.ts';

/** First run: gives a program without criteria the default criteria, consent texts and notice (version 1). */
export async function ensureIntakeDefaults(ctx: Ctx, programId: string): Promise<void> {
  if (ctx.actor.kind !== 'system') return;
  if (await currentCriteria(ctx.db, programId)) return;
  await transaction(ctx, async (tx) => {
    const setUp = await setUpProgramIntake(tx, ctx, programId);
    if (!setUp) return; // another process did it
    await appendAudit(tx, ctx, {
      action: 'program.intake_defaults_created',
      entityType: 'program',
      entityId: programId,
      changes: { criteriaVersion: 1, criteria: setUp.criteria },
    });
  });
}
