import { z } from 'zod';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { PHASES } from '../db/tables.ts';
import { completeDiagnostic } from '../use-cases/complete-diagnostic.ts';
import {
  currentQuestionnaireInput,
  getCurrentQuestionnaire,
} from '../use-cases/get-current-questionnaire.ts';
import { getDiagnostic } from '../use-cases/get-diagnostic.ts';
import { getDiagnosticReport } from '../use-cases/get-diagnostic-report.ts';
import { getQuestionnaire } from '../use-cases/get-questionnaire.ts';
import { listApplicationDiagnostics } from '../use-cases/list-application-diagnostics.ts';
import { listRecommendations, listRecommendationsInput } from '../use-cases/list-recommendations.ts';
import { publishQuestionnaire } from '../use-cases/publish-questionnaire.ts';
import { saveAnswersInput, saveDiagnosticAnswers } from '../use-cases/save-diagnostic-answers.ts';
import { questionnaireDraftInput, saveQuestionnaireDraft } from '../use-cases/save-questionnaire-draft.ts';
import { saveRecommendation, saveRecommendationInput } from '../use-cases/save-recommendation.ts';
import { startDiagnostic, startDiagnosticInput } from '../use-cases/start-diagnostic.ts';

const choice = z.object({ id: z.string(), label: z.string(), score: z.number() });
const questionnaire = z.object({
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
          choices: z.array(choice),
        }),
      ),
    }),
  ),
  levels: z.array(z.object({ id: z.string(), min: z.number(), label: z.string(), description: z.string() })),
});
const scores = z.object({ overall: z.number(), dimensions: z.record(z.string(), z.number()) });
const diagnostic = z.object({
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

export const diagnosticOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'getCurrentQuestionnaire',
    method: 'get',
    path: '/questionnaires/current',
    summary: 'The questionnaire in use for a program, in the caller’s language',
    tag: 'diagnostic',
    access: 'public',
    query: currentQuestionnaireInput,
    response: questionnaire,
    handle: (ctx, { query }) => getCurrentQuestionnaire(ctx, query),
  }),
  defineOperation({
    operationId: 'getQuestionnaire',
    method: 'get',
    path: '/questionnaires/{id}',
    summary: 'One questionnaire version (drafts: administrators, to preview)',
    tag: 'diagnostic',
    access: 'public',
    handle: (ctx, { params }) => getQuestionnaire(ctx, params.id!),
  }),
  defineOperation({
    operationId: 'saveQuestionnaireDraft',
    method: 'post',
    path: '/questionnaires',
    summary: 'A new draft version of the questionnaire (administrators)',
    tag: 'diagnostic',
    access: 'user',
    body: questionnaireDraftInput,
    successStatus: 201,
    handle: (ctx, { body }) => saveQuestionnaireDraft(ctx, body),
  }),
  defineOperation({
    operationId: 'publishQuestionnaire',
    method: 'post',
    path: '/questionnaires/{id}/publish',
    summary: 'Publish a draft: new diagnostics use it (administrators)',
    tag: 'diagnostic',
    access: 'user',
    handle: (ctx, { params }) => publishQuestionnaire(ctx, params.id!),
  }),
  defineOperation({
    operationId: 'startDiagnostic',
    method: 'post',
    path: '/diagnostics',
    summary: 'Start the T0 (entry) or T1 (closure) diagnostic of an accepted application',
    tag: 'diagnostic',
    access: 'user',
    body: startDiagnosticInput,
    successStatus: 201,
    response: z.object({ id: z.uuid() }),
    handle: (ctx, { body }) => startDiagnostic(ctx, body),
  }),
  defineOperation({
    operationId: 'getDiagnostic',
    method: 'get',
    path: '/diagnostics/{id}',
    summary: 'Answers, scores, level, peer benchmark, recommendations and before/after',
    tag: 'diagnostic',
    access: 'user',
    response: diagnostic,
    handle: async (ctx, { params }) => {
      const { questionnaire: _, business: __, ...detail } = await getDiagnostic(ctx, params.id!);
      return detail;
    },
  }),
  defineOperation({
    operationId: 'saveDiagnosticAnswers',
    method: 'put',
    path: '/diagnostics/{id}/answers',
    summary: 'Save answers `{answers: {questionId: choiceId | choiceId[]}}`; partial saves merge',
    tag: 'diagnostic',
    access: 'user',
    body: saveAnswersInput,
    handle: (ctx, { params, body }) => saveDiagnosticAnswers(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'completeDiagnostic',
    method: 'post',
    path: '/diagnostics/{id}/complete',
    summary: 'Complete: 409 with the list while required questions are unanswered',
    tag: 'diagnostic',
    access: 'user',
    handle: (ctx, { params }) => completeDiagnostic(ctx, params.id!),
  }),
  defineOperation({
    operationId: 'getDiagnosticReport',
    method: 'get',
    path: '/diagnostics/{id}/report.pdf',
    summary: 'The PDF report in the caller’s language',
    tag: 'diagnostic',
    access: 'user',
    handle: async (ctx, { params }) => {
      const { pdf, filename } = await getDiagnosticReport(ctx, params.id!);
      return { status: 200, file: new Uint8Array(pdf), contentType: 'application/pdf', filename };
    },
  }),
  defineOperation({
    operationId: 'listApplicationDiagnostics',
    method: 'get',
    path: '/applications/{id}/diagnostics',
    summary: 'The diagnostics (T0, T1) of an application',
    tag: 'diagnostic',
    access: 'user',
    handle: async (ctx, { params }) => ({ items: await listApplicationDiagnostics(ctx, params.id!) }),
  }),
  defineOperation({
    operationId: 'listRecommendations',
    method: 'get',
    path: '/recommendations',
    summary: 'The recommendations library of a program (administrators)',
    tag: 'diagnostic',
    access: 'user',
    query: listRecommendationsInput,
    handle: (ctx, { query }) => listRecommendations(ctx, query),
  }),
  defineOperation({
    operationId: 'saveRecommendation',
    method: 'put',
    path: '/recommendations',
    summary: 'Add or change a recommendation, identified by its key (administrators)',
    tag: 'diagnostic',
    access: 'user',
    body: saveRecommendationInput,
    handle: (ctx, { body }) => saveRecommendation(ctx, body),
  }),
];
