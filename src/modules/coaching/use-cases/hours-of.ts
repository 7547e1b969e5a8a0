import { formatNumber } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { getProgram } from '../../programs/index.ts';
import { trainingHoursOf } from '../../workshops/index.ts';
import { sessionFacts } from '../db/queries.ts';
import { hoursBudget } from '../domain/hours.ts';
import type { CoachedFile } from './load-file.ts';

/**
 * Where a business stands against its coaching hours, with the warning to show, if any; the hours of
 * workshops it attended are counted apart (training is not taken from the coaching budget).
 */
export async function hoursOf(ctx: Ctx, file: CoachedFile) {
  const program = await getProgram(ctx, file.programId);
  const minutes = (await sessionFacts(ctx.db, [file.id], ctx.now())).get(file.id) ?? { used: 0, planned: 0 };
  const trainingHours = await trainingHoursOf(ctx.db, file.id);
  const budget = hoursBudget(program.coachingMinutesPerRetailer, minutes.used, minutes.planned);
  const hours = (m: number) => Math.round((m / 60) * 100) / 100;
  // What is left to book: neither used nor already booked.
  const available = hours(Math.max(0, budget.remainingMinutes - budget.plannedMinutes));
  return {
    budgetHours: hours(budget.budgetMinutes),
    usedHours: hours(budget.usedMinutes),
    plannedHours: hours(budget.plannedMinutes),
    remainingHours: hours(budget.remainingMinutes),
    availableHours: available,
    trainingHours,
    warning: budget.warning,
    message: budget.warning
      ? ctx.t(`coaching:hours_warning.${budget.warning}`, {
          // The warning is about what is left to book.
          remaining: formatNumber(available, ctx.locale),
          budget: formatNumber(hours(budget.budgetMinutes), ctx.locale),
        })
      : null,
  };
}
