import { recordFileRead } from '../../../platform/audit/file-reads.ts';
import type { Ctx } from '../../../platform/context.ts';
import { getDiagnostic, listApplicationDiagnostics } from '../../diagnostic/index.ts';
import { planOf } from '../db/queries.ts';
import { actionFromRecommendation } from '../domain/plan.ts';
import { loadFile } from './load-file.ts';
import { planView, storedPlan } from './plan-view.ts';

/**
 * The action plan of a business. Before the expert saves one, a draft is suggested from the entry
 * diagnostic: its level and weakest dimensions as the current state, the business's own goals from its
 * application, and one action per recommendation (the expert and the retailer then edit it).
 */
export async function getPlan(ctx: Ctx, applicationId: string) {
  const file = await loadFile(ctx, applicationId, 'plan.read');
  await recordFileRead(ctx, {
    applicationId: file.id,
    subjectUserId: file.applicantId,
    part: 'plan',
    entityId: file.id,
  });
  const saved = await planOf(ctx.db, file.id);
  if (saved) return planView(ctx, file.id, storedPlan(saved), true);

  const t0 = (await listApplicationDiagnostics(ctx, file.id)).find(
    (d) => d.phase === 'T0' && d.status === 'completed',
  );
  const diagnostic = t0 ? await getDiagnostic(ctx, t0.id) : undefined;
  const label = new Map(diagnostic?.questionnaire.dimensions.map((d) => [d.id, d.label]) ?? []);
  const currentState =
    diagnostic?.scores && diagnostic.level
      ? ctx.t('coaching:plan.suggested_state', {
          level: diagnostic.level.label,
          score: Math.round(diagnostic.scores.overall),
          gaps: diagnostic.gaps.map((g) => `${label.get(g.id) ?? g.id} (${Math.round(g.score)})`).join(', '),
        })
      : '';
  return planView(
    ctx,
    file.id,
    {
      status: 'draft',
      approvedAt: null,
      updatedAt: null,
      currentState,
      goals: file.goals ?? '',
      budgetCents: null,
      timeline: '',
      actions: (diagnostic?.recommendations ?? []).map((r) => ({
        ...actionFromRecommendation(r),
        id: null,
        recommendationKey: r.id,
      })),
    },
    false,
  );
}
