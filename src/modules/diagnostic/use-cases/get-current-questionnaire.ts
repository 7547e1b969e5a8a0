import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { currentQuestionnaire } from '../db/queries.ts';
import { localiseQuestionnaire } from '../domain/questionnaire-view.ts';

export const currentQuestionnaireInput = z.strictObject({ programId: z.uuid() });

/** The questionnaire in use for a program, in the caller's language. */
export async function getCurrentQuestionnaire(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'questionnaire.read');
  const { programId } = parseInput(currentQuestionnaireInput, input, 'diagnostic');
  await getProgram(ctx, programId);
  const questionnaire = await currentQuestionnaire(ctx.db, programId);
  if (!questionnaire) throw new AppError('not_found', { key: 'diagnostic:errors.no_questionnaire' });
  return {
    id: questionnaire.id,
    version: questionnaire.version,
    ...localiseQuestionnaire(questionnaire.content, ctx.locale),
  };
}
