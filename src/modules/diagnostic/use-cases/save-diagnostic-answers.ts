import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { questionnaireVersion } from '../db/queries.ts';
import { diagnostics } from '../db/tables.ts';
import { checkAnswers } from '../domain/answers.ts';
import { loadDiagnostic } from './load-diagnostic.ts';

/** Values are checked against the questionnaire (checkAnswers), so that every bad answer is named at once. */
export const saveAnswersInput = z.strictObject({
  answers: z
    .record(
      z.string().max(60),
      z.union([z.string().max(60), z.array(z.string().max(60)).max(20), z.unknown()]),
    )
    .refine((a) => Object.keys(a).length <= 200, { error: 'diagnostic:validation.too_many_answers' }),
});

/**
 * Saves answers as they are given (partial saves): merged with those already saved. Answers to questions
 * that a condition hides are kept but do not count. A completed diagnostic no longer changes (409).
 */
export async function saveDiagnosticAnswers(ctx: Ctx, id: string, input: unknown) {
  const { diagnostic } = await loadDiagnostic(ctx, id, 'diagnostic.answer');
  const { answers: given } = parseInput(saveAnswersInput, input, 'diagnostic');
  const questionnaire = await questionnaireVersion(ctx.db, diagnostic.questionnaireId);
  const { answers, issues } = checkAnswers(questionnaire!.content, given);
  if (issues.length > 0) throw new AppError('invalid_input', { fields: issues });
  return transaction(ctx, async (tx) => {
    const [current] = await tx.select().from(diagnostics).where(eq(diagnostics.id, id)).for('update');
    if (current!.status === 'completed')
      throw new AppError('conflict', { key: 'diagnostic:errors.completed' });
    const merged = { ...current!.answers, ...answers };
    for (const [questionId, value] of Object.entries(merged))
      if (Array.isArray(value) && value.length === 0) delete merged[questionId];
    await tx.update(diagnostics).set({ answers: merged, updatedAt: ctx.now() }).where(eq(diagnostics.id, id));
    return { id, answered: Object.keys(merged).length };
  });
}
