import { formatDate } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { planOf } from '../db/queries.ts';
import {
  isOverdue,
  missingForApproval,
  type PlanAction,
  type PlanContent,
  planProgress,
} from '../domain/plan.ts';

type StoredPlan = NonNullable<Awaited<ReturnType<typeof planOf>>>;
type ActionView = PlanAction & { id: string | null; recommendationKey: string | null };

/** A plan as the API and the pages show it: content, what approval still lacks, progress, overdue actions. */
export function planView(
  ctx: Ctx,
  applicationId: string,
  plan: Omit<PlanContent, 'actions'> & {
    actions: ActionView[];
    status: 'draft' | 'approved';
    approvedAt: Date | null;
    updatedAt: Date | null;
  },
  saved: boolean,
) {
  const today = formatDate(ctx.now());
  return {
    applicationId,
    saved,
    status: plan.status,
    approvedAt: plan.approvedAt,
    updatedAt: plan.updatedAt,
    currentState: plan.currentState,
    goals: plan.goals,
    budgetCents: plan.budgetCents,
    timeline: plan.timeline,
    actions: plan.actions.map((a) => ({ ...a, overdue: isOverdue(a, today) })),
    missing: missingForApproval(plan),
    progress: planProgress(plan.actions),
  };
}

/** A stored plan in the view's terms. */
export const storedPlan = (p: StoredPlan) => ({
  ...p,
  actions: p.actions.map((a) => ({
    id: a.id,
    objective: a.objective,
    steps: a.steps,
    owner: a.owner,
    dueDate: a.dueDate,
    estimatedCostCents: a.estimatedCostCents,
    status: a.status,
    note: a.note,
    supplierId: a.supplierId,
    recommendationKey: a.recommendationKey,
  })),
});
