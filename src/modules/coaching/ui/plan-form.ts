// The action plan editor's form, as typed: read back from a submission, edited (add, remove, move) on
// the server so that it works without JavaScript, and turned into the plan the use case saves.
import type { Locale } from '../../../kernel/locale.ts';
import { AppError, type FieldIssue } from '../../../platform/errors.ts';
import { moneyInput, parseMoney } from './values.ts';

const ACTION_FIELDS = [
  'key',
  'id',
  'recommendationKey',
  'objective',
  'steps',
  'owner',
  'dueDate',
  'estimatedCostCents',
  'status',
  'note',
  'supplierId',
] as const;

/** One action as its fields hold it; `key` keeps it apart from the others while it has no id yet. */
export type ActionForm = Record<(typeof ACTION_FIELDS)[number], string>;

export type PlanForm = {
  currentState: string;
  goals: string;
  /** Dollars as typed. */
  budgetCents: string;
  timeline: string;
  actions: ActionForm[];
};

/** The most actions a plan holds (the use case's limit). */
export const MAX_ACTIONS = 50;

const blankAction = (key: string): ActionForm => ({
  key,
  id: '',
  recommendationKey: '',
  objective: '',
  steps: '',
  owner: '',
  dueDate: '',
  estimatedCostCents: '',
  status: 'todo',
  note: '',
  supplierId: '',
});

/** The form of a plan as the use case gives it (saved, or the suggested draft). */
export function planFormOf(
  plan: {
    currentState: string;
    goals: string;
    budgetCents: number | null;
    timeline: string;
    actions: {
      id: string | null;
      recommendationKey: string | null;
      objective: string;
      steps: string;
      owner: string;
      dueDate: string | null;
      estimatedCostCents: number | null;
      status: string;
      note: string;
      supplierId: string | null;
    }[];
  },
  locale: Locale,
): PlanForm {
  return {
    currentState: plan.currentState,
    goals: plan.goals,
    budgetCents: moneyInput(plan.budgetCents, locale),
    timeline: plan.timeline,
    actions: plan.actions.map((a, i) => ({
      key: a.id ?? `suggested-${i}`,
      id: a.id ?? '',
      recommendationKey: a.recommendationKey ?? '',
      objective: a.objective,
      steps: a.steps,
      owner: a.owner,
      dueDate: a.dueDate ?? '',
      estimatedCostCents: moneyInput(a.estimatedCostCents, locale),
      status: a.status,
      note: a.note,
      supplierId: a.supplierId ?? '',
    })),
  };
}

/** The form as submitted: `currentState`, …, and `actions.<n>.<field>` in the order of n. */
export function planFormFrom(values: Record<string, string>): PlanForm {
  const actions = new Map<number, ActionForm>();
  for (const [name, value] of Object.entries(values)) {
    const match = /^actions\.(\d{1,2})\.(\w+)$/.exec(name);
    if (!match || !(ACTION_FIELDS as readonly string[]).includes(match[2]!)) continue;
    const n = Number(match[1]);
    const action = actions.get(n) ?? blankAction(`new-${n}`);
    action[match[2] as keyof ActionForm] = value;
    actions.set(n, action);
  }
  return {
    currentState: values.currentState ?? '',
    goals: values.goals ?? '',
    budgetCents: values.budgetCents ?? '',
    timeline: values.timeline ?? '',
    actions: [...actions.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, a]) => a)
      .slice(0, MAX_ACTIONS),
  };
}

export type PlanEdit = { op: 'add' | 'remove' | 'up' | 'down'; index: number };

/** Reads an editing button (`add`, `remove:2`, `up:1`, `down:0`); undefined for the save buttons. */
export function planEditOf(op: string | undefined): PlanEdit | undefined {
  const match = /^(add|remove|up|down)(?::(\d{1,2}))?$/.exec(op ?? '');
  if (!match) return undefined;
  return { op: match[1] as PlanEdit['op'], index: Number(match[2] ?? 0) };
}

/**
 * Applies an editing button to the form: the new form, and the position (from 0) of the action to
 * bring the focus to, or -1 when none is left.
 */
export function editPlanForm(
  form: PlanForm,
  edit: PlanEdit,
  newKey: string,
): { form: PlanForm; focus: number } {
  const actions = [...form.actions];
  const i = edit.index;
  let focus = i;
  if (edit.op === 'add' && actions.length < MAX_ACTIONS) {
    actions.push(blankAction(newKey));
    focus = actions.length - 1;
  } else if (edit.op === 'remove' && i < actions.length) {
    actions.splice(i, 1);
    focus = Math.min(i, actions.length - 1);
  } else if (edit.op === 'up' && i > 0 && i < actions.length) {
    [actions[i - 1], actions[i]] = [actions[i]!, actions[i - 1]!];
    focus = i - 1;
  } else if (edit.op === 'down' && i + 1 < actions.length) {
    [actions[i], actions[i + 1]] = [actions[i + 1]!, actions[i]!];
    focus = i + 1;
  }
  return { form: { ...form, actions }, focus };
}

/**
 * The plan to save from the form. An amount that cannot be read as dollars is refused here, naming
 * its field (and its action), before anything is saved.
 */
export function planInputOf(form: PlanForm, status: 'draft' | 'approved') {
  const issues: FieldIssue[] = [];
  const money = (path: string, value: string, position?: number) => {
    const parsed = parseMoney(value);
    if (typeof parsed === 'string')
      issues.push(
        position === undefined
          ? { path, key: 'coaching:ui.validation.money' }
          : { path, key: 'coaching:ui.validation.action_money', params: { position: String(position) } },
      );
    return typeof parsed === 'number' ? parsed : null;
  };
  const input = {
    currentState: form.currentState,
    goals: form.goals,
    budgetCents: money('budgetCents', form.budgetCents),
    timeline: form.timeline,
    actions: form.actions.map((a, i) => ({
      id: a.id || null,
      recommendationKey: a.recommendationKey || null,
      objective: a.objective,
      steps: a.steps,
      owner: a.owner,
      dueDate: a.dueDate || null,
      estimatedCostCents: money(`actions.${i}.estimatedCostCents`, a.estimatedCostCents, i + 1),
      status: a.status,
      note: a.note,
      supplierId: a.supplierId || null,
    })),
    status,
  };
  if (issues.length > 0) throw new AppError('invalid_input', { fields: issues });
  return input;
}
