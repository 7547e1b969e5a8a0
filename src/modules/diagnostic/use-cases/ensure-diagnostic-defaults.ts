import { count, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { questionnaires } from '../db/tables.ts';
import { setUpProgramDiagnostic } from './set-up-program-diagnostic.ts';

/** First run: a program without a questionnaire gets the default one (published, version 1) and its recommendations. */
export async function ensureDiagnosticDefaults(ctx: Ctx, programId: string): Promise<void> {
  if (ctx.actor.kind !== 'system') return;
  const [existing] = await ctx.db
    .select({ n: count() })
    .from(questionnaires)
    .where(eq(questionnaires.programId, programId));
  if (Number(existing?.n) > 0) return;
  await transaction(ctx, async (tx) => {
    const setUp = await setUpProgramDiagnostic(tx, ctx, programId);
    if (!setUp) return;
    await appendAudit(tx, ctx, {
      action: 'questionnaire.published',
      entityType: 'questionnaire',
      entityId: setUp.questionnaireId,
      changes: { programId, version: 1, recommendations: setUp.recommendations },
    });
  });
}
