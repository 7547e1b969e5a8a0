import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { programSessions } from '../db/program-lists.ts';
import { listQuery, programListInput, withPeriod } from './program-list-input.ts';

export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled'] as const;

export const programSessionFilters = programListInput.extend({ status: z.enum(SESSION_STATUSES).optional() });

/**
 * The program's sessions, every business at once, newest first (program team): by expert, status and
 * the days they fall on, one page at a time. Notes stay on each file.
 */
export async function listProgramSessions(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'coaching.oversee');
  const f = parseInput(withPeriod(programSessionFilters), input, 'coaching');
  const rows = await programSessions(ctx.db, { ...listQuery(f), status: f.status });
  return toPage(rows, f.limit, (s) => [s.startsAt.toISOString(), s.id]);
}
