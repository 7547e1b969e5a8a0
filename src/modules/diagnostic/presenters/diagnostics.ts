import { z } from 'zod';
import { instant, instantOrNull } from '../../../platform/http/present.ts';
import { PHASES } from '../db/tables.ts';
import { EFFORTS } from '../domain/recommendations.ts';
import type { completeDiagnostic } from '../use-cases/complete-diagnostic.ts';
import type { getCurrentQuestionnaire } from '../use-cases/get-current-questionnaire.ts';
import type { DiagnosticDetail } from '../use-cases/get-diagnostic.ts';
import type { getQuestionnaire } from '../use-cases/get-questionnaire.ts';
import type { listApplicationDiagnostics } from '../use-cases/list-application-diagnostics.ts';
import type { listRecommendations } from '../use-cases/list-recommendations.ts';

export const localisedQuestionnaire = z.object({
  id: z.uuid(),
  version: z.number().int(),
  dimensions: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      description: z.string(),
      weight: z.number(),
      questions: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          help: z.string().nullable(),
          type: z.enum(['single', 'multiple']),
          optional: z.boolean(),
          condition: z.object({ questionId: z.string(), choiceIds: z.array(z.string()) }).nullable(),
          choices: z.array(z.object({ id: z.string(), label: z.string(), score: z.number() })),
        }),
      ),
    }),
  ),
  levels: z.array(z.object({ id: z.string(), min: z.number(), label: z.string(), description: z.string() })),
});

export const currentQuestionnaire = localisedQuestionnaire;

export const presentCurrentQuestionnaire = (
  questionnaire: Awaited<ReturnType<typeof getCurrentQuestionnaire>>,
): z.input<typeof currentQuestionnaire> => questionnaire;

export const questionnaireVersion = localisedQuestionnaire.extend({
  programId: z.uuid(),
  status: z.enum(['draft', 'published']),
});

export const presentQuestionnaireVersion = (
  questionnaire: Awaited<ReturnType<typeof getQuestionnaire>>,
): z.input<typeof questionnaireVersion> => questionnaire;

/** A questionnaire version saved or published. */
export const questionnaireRef = z.object({ id: z.uuid(), version: z.number().int() });

export const diagnosticRef = z.object({ id: z.uuid() });

export const savedAnswers = z.object({
  id: z.uuid(),
  answered: z.number().int().describe('Questions answered so far'),
});

const scores = z.object({ overall: z.number(), dimensions: z.record(z.string(), z.number()) });

export const completion = z.object({ id: z.uuid(), scores, level: z.string().describe('The level’s id') });

export const presentCompletion = (
  completed: Awaited<ReturnType<typeof completeDiagnostic>>,
): z.input<typeof completion> => completed;

const rankedDimension = z.object({ id: z.string(), score: z.number() });

export const diagnostic = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  phase: z.enum(PHASES),
  status: z.enum(['in_progress', 'completed']),
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  progress: z.object({
    answered: z.number().int(),
    visible: z.number().int(),
    required: z.number().int(),
    missing: z.array(z.string()),
  }),
  startedAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  scores: scores.nullable(),
  level: z.object({ id: z.string(), label: z.string(), description: z.string() }).nullable(),
  benchmark: z
    .object({
      group: z.string(),
      peers: z.object({
        naics: z.string().optional(),
        sizeBand: z.string().optional(),
        region: z.string().optional(),
      }),
      size: z.number().int(),
      percentiles: z.object({
        overall: z.number().nullable(),
        dimensions: z.record(z.string(), z.number().nullable()),
      }),
    })
    .nullable(),
  strengths: z.array(rankedDimension).describe('The strongest dimensions, strongest first'),
  gaps: z.array(rankedDimension).describe('The weakest dimensions, weakest first'),
  recommendations: z.array(
    z.object({
      id: z.string(),
      dimensionId: z.string(),
      title: z.string(),
      text: z.string(),
      costMin: z.number(),
      costMax: z.number(),
      effort: z.string(),
    }),
  ),
  comparison: z.object({ before: scores, after: scores, deltas: scores }).nullable(),
});

/** Without the questionnaire (its own operation gives it) nor the business (the application gives it). */
export const presentDiagnostic = (detail: DiagnosticDetail): z.input<typeof diagnostic> => ({
  id: detail.id,
  applicationId: detail.applicationId,
  phase: detail.phase,
  status: detail.status,
  answers: detail.answers,
  progress: detail.progress,
  startedAt: instant(detail.startedAt),
  completedAt: instantOrNull(detail.completedAt),
  scores: detail.scores,
  level: detail.level,
  benchmark: detail.benchmark,
  strengths: detail.strengths.map(({ id, score }) => ({ id, score })),
  gaps: detail.gaps.map(({ id, score }) => ({ id, score })),
  recommendations: detail.recommendations,
  comparison: detail.comparison,
});

export const applicationDiagnostics = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      phase: z.enum(PHASES),
      status: z.enum(['in_progress', 'completed']),
      overall: z.number().nullable(),
      level: z.string().nullable(),
      completedAt: z.iso.datetime().nullable(),
    }),
  ),
});

export const presentApplicationDiagnostics = (
  list: Awaited<ReturnType<typeof listApplicationDiagnostics>>,
): z.input<typeof applicationDiagnostics> => ({
  items: list.map((d) => ({ ...d, completedAt: instantOrNull(d.completedAt) })),
});

export const recommendationLibrary = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      key: z.string(),
      dimensionId: z.string(),
      minScore: z.number().int(),
      maxScore: z.number().int(),
      titleFr: z.string(),
      titleEn: z.string(),
      textFr: z.string(),
      textEn: z.string(),
      costMin: z.number().int(),
      costMax: z.number().int(),
      effort: z.enum(EFFORTS),
      priority: z.number().int(),
      active: z.boolean(),
      updatedAt: z.iso.datetime(),
    }),
  ),
});

export const presentRecommendationLibrary = (
  library: Awaited<ReturnType<typeof listRecommendations>>,
): z.input<typeof recommendationLibrary> => ({
  items: library.items.map((r) => ({ ...r, updatedAt: instant(r.updatedAt) })),
});

export const savedRecommendation = z.object({
  id: z.uuid(),
  created: z.boolean().describe('False when a recommendation with this key was changed'),
});
