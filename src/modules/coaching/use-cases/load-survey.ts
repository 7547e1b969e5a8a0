import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { outcomeSurveys } from '../db/tables.ts';
import { type CoachedFile, loadFile } from './load-file.ts';

/** An outcome survey the caller may act on, with its file. */
export async function loadSurvey(ctx: Ctx, id: string, action: 'survey.read' | 'survey.answer') {
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const [survey] = await ctx.db.select().from(outcomeSurveys).where(eq(outcomeSurveys.id, id));
  if (!survey) throw new AppError('not_found');
  const file: CoachedFile = await loadFile(ctx, survey.applicationId, action);
  return { survey, file };
}
