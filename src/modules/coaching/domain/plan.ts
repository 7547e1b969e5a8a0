export const ACTION_STATUSES = ['todo', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type PlanAction = {
  objective: string;
  steps: string;
  owner: string;
  /** `2027-03-31`, Montréal calendar date. */
  dueDate: string | null;
  estimatedCostCents: number | null;
  status: ActionStatus;
  /** Where the action stands, in words: written by the expert (online or in the field), read by all. */
  note: string;
  supplierId: string | null;
};

/** The longest note an action takes. */
export const ACTION_NOTE_MAX = 2000;

export type PlanContent = {
  currentState: string;
  goals: string;
  budgetCents: number | null;
  timeline: string;
  actions: PlanAction[];
};

/** What an approved plan must contain; each missing element is named by its field (notes are optional). */
export function missingForApproval(
  plan: Omit<PlanContent, 'actions'> & { actions: Omit<PlanAction, 'note'>[] },
): string[] {
  const missing: string[] = [];
  if (!plan.currentState.trim()) missing.push('currentState');
  if (!plan.goals.trim()) missing.push('goals');
  if (plan.budgetCents === null) missing.push('budgetCents');
  if (!plan.timeline.trim()) missing.push('timeline');
  const live = plan.actions.filter((a) => a.status !== 'dropped');
  if (live.length === 0) missing.push('actions');
  plan.actions.forEach((a, i) => {
    if (a.status === 'dropped') return;
    if (!a.objective.trim()) missing.push(`actions.${i}.objective`);
    if (!a.steps.trim()) missing.push(`actions.${i}.steps`);
    if (!a.owner.trim()) missing.push(`actions.${i}.owner`);
    if (!a.dueDate) missing.push(`actions.${i}.dueDate`);
    if (a.estimatedCostCents === null) missing.push(`actions.${i}.estimatedCostCents`);
  });
  return missing;
}

/** Actions done out of those still meant to be done (dropped ones do not count). */
export function planProgress(actions: Pick<PlanAction, 'status'>[]): { done: number; total: number } {
  const counted = actions.filter((a) => a.status !== 'dropped');
  return { done: counted.filter((a) => a.status === 'done').length, total: counted.length };
}

/** Whether an action still to do is past its due date (`today` is the Montréal date). */
export const isOverdue = (a: Pick<PlanAction, 'status' | 'dueDate'>, today: string) =>
  (a.status === 'todo' || a.status === 'in_progress') && a.dueDate !== null && a.dueDate < today;

/** Days without contact after which a file is flagged on the expert's caseload. */
export const NO_CONTACT_DAYS = 30;

export type CaseloadFlag = 'no_contact' | 'plan_overdue';

/** Flags of a file: no session held (or since the assignment) for 30 days; an action past its due date. */
export function caseloadFlags(
  file: { lastContactAt: Date; overdueActions: number },
  now: Date,
): CaseloadFlag[] {
  const flags: CaseloadFlag[] = [];
  if (now.getTime() - file.lastContactAt.getTime() > NO_CONTACT_DAYS * 86_400_000) flags.push('no_contact');
  if (file.overdueActions > 0) flags.push('plan_overdue');
  return flags;
}

/** A suggested action from a recommendation of the diagnostic (the expert edits it with the retailer). */
export function actionFromRecommendation(r: {
  title: string;
  text: string;
  costMin: number;
  costMax: number;
}): PlanAction {
  return {
    objective: r.title,
    steps: r.text,
    owner: '',
    dueDate: null,
    estimatedCostCents: Math.round((r.costMin + r.costMax) / 2),
    status: 'todo',
    note: '',
    supplierId: null,
  };
}
