import { z } from 'zod';
import { formatDate } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { programPlans } from '../db/program-lists.ts';
import { listQuery, programListInput } from './program-list-input.ts';

export const PLAN_STATUSES = ['draft', 'approved'] as const;

export const programPlanFilters = programListInput
  .omit({ from: true, to: true })
  .extend({ status: z.enum(PLAN_STATUSES).optional() });

/**
 * The program's action plans by business name (program team): status, actions done and overdue
 * today, the next due date, the budget; by expert now coaching and status, one page at a time.
 */
export async function listProgramPlans(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'coaching.oversee');
  const f = parseInput(programPlanFilters, input, 'coaching');
  const rows = await programPlans(ctx.db, {
    ...listQuery(f),
    status: f.status,
    today: formatDate(ctx.now()),
  });
  return toPage(rows, f.limit, (p) => [p.business ?? '', p.applicationId]);
}
