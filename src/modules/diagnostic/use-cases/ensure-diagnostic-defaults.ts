import { count, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { questionnaires, recommendations } from '../db/tables.ts';
import { DEFAULT_QUESTIONNAIRE } from '../domain/default-questionnaire.ts';
import { DEFAULT_RECOMMENDATIONS } from '../domain/default-recommendations.ts';

/** First run: a program without a questionnaire gets the default one (published, version 1) and its recommendations. */
export async function ensureDiagnosticDefaults(ctx: Ctx, programId: string): Promise<void> {
  if (ctx.actor.kind !== 'system') return;
  const [existing] = await ctx.db
    .select({ n: count() })
    .from(questionnaires)
    .where(eq(questionnaires.programId, programId));
  if (Number(existing?.n) > 0) return;
  await transaction(ctx, async (tx) => {
    const id = newId();
    const inserted = await tx
      .insert(questionnaires)
      .values({
        id,
        programId,
        version: 1,
        status: 'published',
        content: DEFAULT_QUESTIONNAIRE,
        publishedAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning({ id: questionnaires.id });
    if (inserted.length === 0) return;
    await tx
      .insert(recommendations)
      .values(
        DEFAULT_RECOMMENDATIONS.map((r) => ({
          id: newId(),
          programId,
          key: r.id,
          dimensionId: r.dimensionId,
          minScore: r.minScore,
          maxScore: r.maxScore,
          titleFr: r.title.fr,
          titleEn: r.title.en,
          textFr: r.text.fr,
          textEn: r.text.en,
          costMin: r.costMin,
          costMax: r.costMax,
          effort: r.effort,
          priority: r.priority,
        })),
      )
      .onConflictDoNothing();
    await appendAudit(tx, ctx, {
      action: 'questionnaire.published',
      entityType: 'questionnaire',
      entityId: id,
      changes: { programId, version: 1, recommendations: DEFAULT_RECOMMENDATIONS.length },
    });
  });
}
