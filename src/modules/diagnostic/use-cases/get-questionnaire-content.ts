import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { currentQuestionnaireId, findQuestionnaire } from '../db/queries.ts';

/**
 * One questionnaire version as administrators edit it: the whole document in both languages, with its
 * status and whether new diagnostics use it (the latest published version).
 */
export async function getQuestionnaireContent(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'questionnaire.manage');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const questionnaire = await findQuestionnaire(ctx.db, id);
  if (!questionnaire) throw new AppError('not_found');
  const current =
    questionnaire.status === 'published' &&
    (await currentQuestionnaireId(ctx.db, questionnaire.programId)) === questionnaire.id;
  return {
    id: questionnaire.id,
    programId: questionnaire.programId,
    version: questionnaire.version,
    status: questionnaire.status,
    publishedAt: questionnaire.publishedAt,
    createdAt: questionnaire.createdAt,
    current,
    content: questionnaire.content,
  };
}
