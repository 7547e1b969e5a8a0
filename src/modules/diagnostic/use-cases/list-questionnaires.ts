import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { questionnaireVersions } from '../db/queries.ts';

export const listQuestionnairesInput = z.strictObject({ programId: z.uuid() });

/**
 * Every version of a program's questionnaire, newest first (administrators): draft or published, when
 * it was published, how many diagnostics use it, and which one new diagnostics start with (the latest
 * published version).
 */
export async function listQuestionnaires(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'questionnaire.manage');
  const { programId } = parseInput(listQuestionnairesInput, input, 'diagnostic');
  await getProgram(ctx, programId);
  const rows = await questionnaireVersions(ctx.db, programId);
  const current = rows.find((r) => r.status === 'published');
  return {
    currentId: current?.id ?? null,
    items: rows.map((r) => ({ ...r, current: r.id === current?.id })),
  };
}
