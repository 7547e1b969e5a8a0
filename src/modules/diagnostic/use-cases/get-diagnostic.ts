import { recordFileRead } from '../../../platform/audit/file-reads.ts';
import type { Ctx } from '../../../platform/context.ts';
import {
  benchmarkOf,
  type DiagnosticRow,
  diagnosticsOfApplication,
  questionnaireVersion,
  recommendationLibrary,
} from '../db/queries.ts';
import { allQuestions, isVisible, missingAnswers } from '../domain/questionnaire.ts';
import { localiseQuestionnaire } from '../domain/questionnaire-view.ts';
import { recommend } from '../domain/recommendations.ts';
import { levelOf, strengthsAndGaps } from '../domain/scoring.ts';
import { loadDiagnostic } from './load-diagnostic.ts';

/**
 * A diagnostic with everything its pages and report show: answers and progress while in progress;
 * once completed, scores, level, peer benchmark, strengths and gaps, recommendations, and the
 * before/after comparison when both T0 and T1 are complete.
 */
export async function getDiagnostic(ctx: Ctx, id: string) {
  const { diagnostic, application } = await loadDiagnostic(ctx, id, 'diagnostic.read');
  await recordFileRead(ctx, {
    applicationId: diagnostic.applicationId,
    subjectUserId: application.applicantId,
    part: 'diagnostic',
    entityId: diagnostic.id,
  });
  return detailOf(ctx, diagnostic, application);
}

export async function detailOf(
  ctx: Ctx,
  d: DiagnosticRow,
  application: { legalName: string | null; tradeName: string | null; municipality: string | null },
) {
  const questionnaire = (await questionnaireVersion(ctx.db, d.questionnaireId))!;
  const content = questionnaire.content;
  const localised = localiseQuestionnaire(content, ctx.locale);
  const visible = allQuestions(content).filter((q) => isVisible(q, d.answers));
  const required = visible.filter((q) => !q.optional);
  const progress = {
    answered: visible.filter((q) => d.answers[q.id] !== undefined).length,
    visible: visible.length,
    missing: missingAnswers(content, d.answers),
    required: required.length,
  };
  const base = {
    id: d.id,
    applicationId: d.applicationId,
    business: {
      name: application.tradeName || application.legalName,
      municipality: application.municipality,
    },
    phase: d.phase,
    status: d.status,
    questionnaire: { id: questionnaire.id, version: questionnaire.version, ...localised },
    answers: d.answers,
    progress,
    startedAt: d.createdAt,
    completedAt: d.completedAt,
  };
  if (d.status !== 'completed' || !d.scores)
    return {
      ...base,
      scores: null,
      level: null,
      benchmark: null,
      strengths: [],
      gaps: [],
      recommendations: [],
      comparison: null,
    };

  const dimensionIds = content.dimensions.map((x) => x.id);
  const [benchmark, library, siblings] = await Promise.all([
    benchmarkOf(ctx.db, d, dimensionIds),
    recommendationLibrary(ctx.db, d.programId),
    diagnosticsOfApplication(ctx.db, d.applicationId),
  ]);
  const level = levelOf(content.levels, d.scores.overall);
  const { strengths, gaps } = strengthsAndGaps(content, d.scores);
  const weights = Object.fromEntries(content.dimensions.map((x) => [x.id, x.weight]));
  const before = siblings.find((s) => s.phase === 'T0' && s.status === 'completed' && s.scores);
  const after = siblings.find((s) => s.phase === 'T1' && s.status === 'completed' && s.scores);
  return {
    ...base,
    scores: d.scores,
    level: { id: level.id, label: level.label[ctx.locale], description: level.description[ctx.locale] },
    benchmark,
    strengths,
    gaps,
    recommendations: recommend(library, d.scores, weights).map((r) => ({
      id: r.id,
      dimensionId: r.dimensionId,
      title: r.title[ctx.locale],
      text: r.text[ctx.locale],
      costMin: r.costMin,
      costMax: r.costMax,
      effort: r.effort,
    })),
    comparison:
      before && after
        ? {
            before: before.scores!,
            after: after.scores!,
            deltas: {
              overall: Math.round((after.scores!.overall - before.scores!.overall) * 10) / 10,
              dimensions: Object.fromEntries(
                dimensionIds.map((x) => [
                  x,
                  Math.round(
                    ((after.scores!.dimensions[x] ?? 0) - (before.scores!.dimensions[x] ?? 0)) * 10,
                  ) / 10,
                ]),
              ),
            },
          }
        : null,
  };
}

export type DiagnosticDetail = Awaited<ReturnType<typeof detailOf>>;
