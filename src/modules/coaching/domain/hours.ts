/** Share of the hours budget left under which the expert and the coordinator are warned. */
export const LOW_BUDGET_SHARE = 0.2;

export type HoursBudget = {
  budgetMinutes: number;
  usedMinutes: number;
  /** Booked but not yet held (scheduled sessions). */
  plannedMinutes: number;
  remainingMinutes: number;
  warning: 'low' | 'exhausted' | 'exceeded' | null;
};

/** Where a retailer stands against the coaching hours the program gives each business. */
export function hoursBudget(budgetMinutes: number, usedMinutes: number, plannedMinutes = 0): HoursBudget {
  const remainingMinutes = budgetMinutes - usedMinutes;
  const afterPlanned = remainingMinutes - plannedMinutes;
  const warning =
    remainingMinutes < 0
      ? 'exceeded'
      : remainingMinutes === 0 || afterPlanned < 0
        ? 'exhausted'
        : afterPlanned <= budgetMinutes * LOW_BUDGET_SHARE
          ? 'low'
          : null;
  return { budgetMinutes, usedMinutes, plannedMinutes, remainingMinutes, warning };
}
