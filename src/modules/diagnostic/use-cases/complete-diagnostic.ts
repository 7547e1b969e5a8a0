import { eq } from 'drizzle-orm';
import { sizeBandOf } from '../../../kernel/business.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { questionnaireVersion } from '../db/queries.ts';
import { diagnostics } from '../db/tables.ts';
import { allQuestions, missingAnswers } from '../domain/questionnaire.ts';
import { levelOf, score } from '../domain/scoring.ts';
import { loadDiagnostic } from './load-diagnostic.ts';

/**
 * Completes a diagnostic: refuses (409, with the list) while required questions are unanswered;
 * otherwise computes the scores and the level, and keeps the business's peer group for the benchmark.
 */
export async function completeDiagnostic(ctx: Ctx, id: string) {
  const { application } = await loadDiagnostic(ctx, id, 'diagnostic.answer');
  return transaction(ctx, async (tx) => {
    const [current] = await tx.select().from(diagnostics).where(eq(diagnostics.id, id)).for('update');
    if (current!.status === 'completed')
      throw new AppError('conflict', { key: 'diagnostic:errors.completed' });
    const { content } = (await questionnaireVersion(tx, current!.questionnaireId))!;
    const missing = missingAnswers(content, current!.answers);
    if (missing.length > 0) {
      throw new AppError('conflict', {
        key: 'diagnostic:errors.unanswered',
        params: { count: missing.length },
        fields: missing.map((q) => ({
          path: `answers.${q}`,
          key: 'diagnostic:validation.answer_required',
          params: { question: allQuestions(content).find((x) => x.id === q)!.label[ctx.locale] },
        })),
        extra: { missing },
      });
    }
    const scores = score(content, current!.answers);
    const level = levelOf(content.levels, scores.overall);
    await tx
      .update(diagnostics)
      .set({
        status: 'completed',
        completedAt: ctx.now(),
        scores,
        overall: scores.overall,
        level: level.id,
        naics: application.naics,
        sizeBand: sizeBandOf(application.employees),
        region: application.region,
        updatedAt: ctx.now(),
      })
      .where(eq(diagnostics.id, id));
    await appendAudit(tx, ctx, {
      action: 'diagnostic.completed',
      entityType: 'diagnostic',
      entityId: id,
      changes: { phase: current!.phase, overall: scores.overall, level: level.id },
    });
    return { id, scores, level: level.id };
  });
}
