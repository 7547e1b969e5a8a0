import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { programSurveys } from '../db/program-lists.ts';
import { listQuery, programListInput, withPeriod } from './program-list-input.ts';

export const SURVEY_WAVES = ['closure', 'six_months'] as const;
/** Not sent yet, sent and waiting for the answer, answered. */
export const SURVEY_STATES = ['unsent', 'sent', 'answered'] as const;

export const programSurveyFilters = programListInput.extend({
  wave: z.enum(SURVEY_WAVES).optional(),
  state: z.enum(SURVEY_STATES).optional(),
});

/**
 * The program's outcome surveys with their answers, latest due first (program team): by wave, state,
 * expert now coaching and the days they are due, one page at a time.
 */
export async function listProgramSurveys(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'coaching.oversee');
  const f = parseInput(withPeriod(programSurveyFilters), input, 'coaching');
  const rows = await programSurveys(ctx.db, { ...listQuery(f), wave: f.wave, state: f.state });
  return toPage(rows, f.limit, (s) => [s.dueAt.toISOString(), s.id]);
}
