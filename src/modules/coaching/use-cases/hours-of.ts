import { formatNumber } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { getProgram } from '../../programs/index.ts';
import { sessionFacts } from '../db/queries.ts';
import { hoursBudget } from '../domain/hours.ts';
import type { CoachedFile } from './load-file.ts';

/** Where a business stands against its coaching hours, with the warning to show, if any. */
export async function hoursOf(ctx: Ctx, file: CoachedFile) {
  const program = await getProgram(ctx, file.programId);
  const minutes = (await sessionFacts(ctx.db, [file.id], ctx.now())).get(file.id) ?? { used: 0, planned: 0 };
  const budget = hoursBudget(program.coachingMinutesPerRetailer, minutes.used, minutes.planned);
  const hours = (m: number) => Math.round((m / 60) * 100) / 100;
  return {
    budgetHours: hours(budget.budgetMinutes),
    usedHours: hours(budget.usedMinutes),
    plannedHours: hours(budget.plannedMinutes),
    remainingHours: hours(budget.remainingMinutes),
    warning: budget.warning,
    message: budget.warning
      ? ctx.t(`coaching:hours_warning.${budget.warning}`, {
          // What is left to book: the warning is about hours neither used nor already booked.
          remaining: formatNumber(
            hours(Math.max(0, budget.remainingMinutes - budget.plannedMinutes)),
            ctx.locale,
          ),
          budget: formatNumber(hours(budget.budgetMinutes), ctx.locale),
        })
      : null,
  };
}
