import { and, eq, isNull } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { outcomeSurveys } from '../db/tables.ts';
import { outcomeAnswers } from '../domain/outcomes.ts';
import { getSurvey } from './get-survey.ts';
import { loadSurvey } from './load-survey.ts';

/** The retailer answers an outcome survey once it is sent; answers are final (they are the program's results). */
export async function answerSurvey(ctx: Ctx, id: string, input: unknown) {
  const answers = parseInput(outcomeAnswers, input, 'coaching');
  const { survey } = await loadSurvey(ctx, id, 'survey.answer');
  if (!survey.sentAt) throw new AppError('conflict', { key: 'coaching:errors.survey_not_open' });
  await transaction(ctx, async (tx) => {
    const updated = await tx
      .update(outcomeSurveys)
      .set({ answers, answeredAt: ctx.now() })
      .where(and(eq(outcomeSurveys.id, id), isNull(outcomeSurveys.answeredAt)))
      .returning({ id: outcomeSurveys.id });
    if (updated.length === 0) throw new AppError('conflict', { key: 'coaching:errors.survey_answered' });
    await appendAudit(tx, ctx, {
      action: 'survey.answered',
      entityType: 'application',
      entityId: survey.applicationId,
      changes: { surveyId: id, wave: survey.wave },
    });
  });
  return getSurvey(ctx, id);
}
