import { formatDate } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { PlanAction, PlanContent } from '../../coaching/index.ts';
import type { Random } from './random.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A plan as the coaching module suggests or stores it (what saving needs of it). */
export type PlanDraft = Omit<PlanContent, 'actions'> & {
  actions: (PlanAction & { id: string | null; recommendationKey: string | null })[];
};

export type PlanToSave = PlanDraft & { status: 'draft' | 'approved' };

const MAX_ACTIONS = 5;

const TIMELINE: Record<Locale, string> = {
  fr: 'Six mois : une action à la fois, dans l’ordre des priorités, avec un suivi toutes les trois à quatre semaines.',
  en: 'Six months: one action at a time, in order of priority, with a follow-up every three to four weeks.',
};
// When the diagnostic suggested nothing, the expert writes the first action themselves.
const FIRST_ACTION: Record<Locale, { objective: string; steps: string }> = {
  fr: {
    objective: 'Mettre à jour la fiche d’entreprise Google',
    steps: 'Vérifier les heures, ajouter dix photos récentes, répondre aux avis des trois derniers mois.',
  },
  en: {
    objective: 'Update the Google business profile',
    steps: 'Check opening hours, add ten recent photos, answer the reviews of the last three months.',
  },
};

/**
 * The plan the expert saves from the suggested draft. A first save keeps it a draft, with owners and
 * due dates still partly missing; the approved version has everything approval asks for: an owner, a
 * due date (every three weeks or so from `at`) and a cost per action, a budget and a timeline, and some
 * actions done with a supplier from the directory.
 */
export function planToSave(
  draft: PlanDraft,
  options: {
    approve: boolean;
    at: Date;
    language: Locale;
    owners: { retailer: string; together: string };
    supplierFor: (recommendationKey: string | null) => string | null;
    random: Random;
  },
): PlanToSave {
  const { approve, at, language, owners, random } = options;
  const suggested =
    draft.actions.length > 0
      ? draft.actions.slice(0, MAX_ACTIONS)
      : [
          {
            id: null,
            ...FIRST_ACTION[language],
            owner: '',
            dueDate: null,
            estimatedCostCents: 0,
            status: 'todo' as const,
            note: '',
            supplierId: null,
            recommendationKey: null,
          },
        ];
  const actions = suggested.map((action, i) => {
    const due = formatDate(new Date(at.getTime() + (21 * (i + 1) + random.int(-4, 4)) * DAY));
    const owner = random.chance(0.6) ? owners.retailer : owners.together;
    const saved = {
      id: action.id,
      objective: action.objective,
      steps: action.steps,
      owner: action.owner,
      dueDate: action.dueDate,
      estimatedCostCents: action.estimatedCostCents,
      status: action.status,
      note: action.note,
      supplierId: action.supplierId,
      recommendationKey: action.recommendationKey,
    };
    if (!approve)
      return {
        ...saved,
        owner: random.chance(0.5) ? owner : saved.owner,
        dueDate: random.chance(0.5) ? due : saved.dueDate,
      };
    return {
      ...saved,
      owner: saved.owner || owner,
      dueDate: saved.dueDate ?? due,
      estimatedCostCents: saved.estimatedCostCents ?? 0,
      supplierId:
        saved.supplierId ?? (random.chance(0.35) ? options.supplierFor(saved.recommendationKey) : null),
    };
  });
  const total = actions.reduce((sum, a) => sum + (a.estimatedCostCents ?? 0), 0);
  return {
    currentState: draft.currentState,
    goals: draft.goals,
    // The budget is rounded up to the next 500 $, as people plan it.
    budgetCents: approve ? Math.ceil(total / 50_000) * 50_000 : draft.budgetCents,
    timeline: approve ? TIMELINE[language] : draft.timeline,
    actions,
    status: approve ? 'approved' : 'draft',
  };
}

export type ProgressUpdate = { action: number; status: 'in_progress' | 'done'; at: Date };

/**
 * How the retailer marks progress after approval, in time order, until the file closes: most actions
 * past their due date are done, the others stay overdue (what the caseload flags); the next one is
 * often under way. Before a completed closure every action is done.
 */
export function actionProgress(
  actions: { dueDate: string | null }[],
  options: {
    approvedAt: Date;
    now: Date;
    closure: { at: Date; outcome: 'completed' | 'abandoned' } | null;
    random: Random;
  },
): ProgressUpdate[] {
  const { approvedAt, now, closure, random } = options;
  const completed = closure?.outcome === 'completed';
  const first = approvedAt.getTime() + HOUR;
  const last = (closure?.at ?? now).getTime() - 2 * HOUR;
  if (last <= first) return [];
  const within = (t: number) => new Date(Math.min(last, Math.max(first, t)));
  const today = formatDate(now);
  const updates: ProgressUpdate[] = [];
  let underWay = false;
  actions.forEach((action, i) => {
    const due = action.dueDate ? new Date(`${action.dueDate}T16:00:00Z`).getTime() : last;
    if (completed) {
      updates.push({ action: i, status: 'done', at: within(due - random.between(0, 10) * DAY) });
    } else if (action.dueDate && action.dueDate < today) {
      if (random.chance(0.75))
        updates.push({ action: i, status: 'done', at: within(due - random.between(0, 10) * DAY) });
      else if (random.chance(0.4))
        updates.push({ action: i, status: 'in_progress', at: within(random.between(first, last)) });
    } else if (!underWay) {
      underWay = true;
      if (random.chance(0.5))
        updates.push({ action: i, status: 'in_progress', at: within(random.between(first, last)) });
    }
  });
  return updates.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The demo retailer's plan under way: the first action done, the second started. */
export function demoRetailerProgress(approvedAt: Date, now: Date): ProgressUpdate[] {
  const middle = new Date((approvedAt.getTime() + now.getTime()) / 2);
  return [
    { action: 0, status: 'done', at: middle },
    { action: 1, status: 'in_progress', at: new Date(middle.getTime() + HOUR) },
  ];
}
