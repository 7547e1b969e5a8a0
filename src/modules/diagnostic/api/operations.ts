import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import {
  applicationDiagnostics,
  completion,
  currentQuestionnaire,
  diagnostic,
  diagnosticRef,
  presentApplicationDiagnostics,
  presentCompletion,
  presentCurrentQuestionnaire,
  presentDiagnostic,
  presentQuestionnaireVersion,
  presentRecommendationLibrary,
  questionnaireRef,
  questionnaireVersion,
  recommendationLibrary,
  savedAnswers,
  savedRecommendation,
} from '../presenters/diagnostics.ts';
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

export const diagnosticOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'getCurrentQuestionnaire',
    method: 'get',
    path: '/questionnaires/current',
    summary: 'The questionnaire in use for a program, in the caller’s language',
    tag: 'diagnostic',
    access: 'public',
    query: currentQuestionnaireInput,
    response: currentQuestionnaire,
    handle: async (ctx, { query }) => presentCurrentQuestionnaire(await getCurrentQuestionnaire(ctx, query)),
  }),
  defineOperation({
    operationId: 'getQuestionnaire',
    method: 'get',
    path: '/questionnaires/{id}',
    summary: 'One questionnaire version (drafts: administrators, to preview)',
    tag: 'diagnostic',
    access: 'public',
    response: questionnaireVersion,
    handle: async (ctx, { params }) => presentQuestionnaireVersion(await getQuestionnaire(ctx, params.id!)),
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
    response: questionnaireRef,
    handle: (ctx, { body }) => saveQuestionnaireDraft(ctx, body),
  }),
  defineOperation({
    operationId: 'publishQuestionnaire',
    method: 'post',
    path: '/questionnaires/{id}/publish',
    summary: 'Publish a draft: new diagnostics use it (administrators)',
    tag: 'diagnostic',
    access: 'user',
    response: questionnaireRef,
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
    response: diagnosticRef,
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
    handle: async (ctx, { params }) => presentDiagnostic(await getDiagnostic(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'saveDiagnosticAnswers',
    method: 'put',
    path: '/diagnostics/{id}/answers',
    summary: 'Save answers `{answers: {questionId: choiceId | choiceId[]}}`; partial saves merge',
    tag: 'diagnostic',
    access: 'user',
    body: saveAnswersInput,
    response: savedAnswers,
    handle: (ctx, { params, body }) => saveDiagnosticAnswers(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'completeDiagnostic',
    method: 'post',
    path: '/diagnostics/{id}/complete',
    summary: 'Complete: 409 with the list while required questions are unanswered',
    tag: 'diagnostic',
    access: 'user',
    response: completion,
    handle: async (ctx, { params }) => presentCompletion(await completeDiagnostic(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'getDiagnosticReport',
    method: 'get',
    path: '/diagnostics/{id}/report.pdf',
    summary: 'The PDF report in the caller’s language',
    tag: 'diagnostic',
    access: 'user',
    produces: 'application/pdf',
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
    response: applicationDiagnostics,
    handle: async (ctx, { params }) =>
      presentApplicationDiagnostics(await listApplicationDiagnostics(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'listRecommendations',
    method: 'get',
    path: '/recommendations',
    summary: 'The recommendations library of a program (administrators)',
    tag: 'diagnostic',
    access: 'user',
    query: listRecommendationsInput,
    response: recommendationLibrary,
    handle: async (ctx, { query }) => presentRecommendationLibrary(await listRecommendations(ctx, query)),
  }),
  defineOperation({
    operationId: 'saveRecommendation',
    method: 'put',
    path: '/recommendations',
    summary: 'Add or change a recommendation, identified by its key (administrators)',
    tag: 'diagnostic',
    access: 'user',
    body: saveRecommendationInput,
    response: savedRecommendation,
    handle: (ctx, { body }) => saveRecommendation(ctx, body),
  }),
];
