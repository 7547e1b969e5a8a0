import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize, isAllowed } from '../../../wiring/authorize.ts';
import { findQuestionnaire } from '../db/queries.ts';
import { localiseQuestionnaire } from '../domain/questionnaire-view.ts';

/** One questionnaire version; drafts only for administrators (to preview before publishing). */
export async function getQuestionnaire(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'questionnaire.read');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const questionnaire = await findQuestionnaire(ctx.db, id);
  if (!questionnaire || (questionnaire.status === 'draft' && !isAllowed(ctx.actor, 'questionnaire.manage'))) {
    throw new AppError('not_found');
  }
  return {
    id: questionnaire.id,
    programId: questionnaire.programId,
    version: questionnaire.version,
    status: questionnaire.status,
    ...localiseQuestionnaire(questionnaire.content, ctx.locale),
  };
}
