import { exportOperations } from '../../../platform/exports/operations.ts';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { outcomeAnswers } from '../domain/outcomes.ts';
import {
  caseload,
  closure,
  coachingOverview,
  plan,
  presentCaseload,
  presentClosure,
  presentCoachingOverview,
  presentPlan,
  presentRating,
  presentReopening,
  presentSession,
  presentSessions,
  presentSessionWithBudget,
  presentSupplier,
  presentSupplierDirectory,
  presentSurvey,
  presentWorkload,
  rating,
  reopening,
  session,
  sessionList,
  sessionWithBudget,
  supplier,
  supplierDirectory,
  survey,
  workload,
} from '../presenters/coaching.ts';
import { answerSurvey } from '../use-cases/answer-survey.ts';
import { closeFile, closeFileInput } from '../use-cases/close-file.ts';
import { createSupplier, createSupplierInput } from '../use-cases/create-supplier.ts';
import { exportProgramPlans } from '../use-cases/export-program-plans.ts';
import { exportProgramSessions } from '../use-cases/export-program-sessions.ts';
import { exportProgramSurveys } from '../use-cases/export-program-surveys.ts';
import { exportSuppliers } from '../use-cases/export-suppliers.ts';
import { caseloadInput, getCaseload } from '../use-cases/get-caseload.ts';
import { getCoachingOverview } from '../use-cases/get-coaching-overview.ts';
import { getPlan } from '../use-cases/get-plan.ts';
import { getSession } from '../use-cases/get-session.ts';
import { getSessionInvitation } from '../use-cases/get-session-invitation.ts';
import { getSurvey } from '../use-cases/get-survey.ts';
import { getWorkload, workloadInput } from '../use-cases/get-workload.ts';
import { programPlanFilters } from '../use-cases/list-program-plans.ts';
import { programSessionFilters } from '../use-cases/list-program-sessions.ts';
import { programSurveyFilters } from '../use-cases/list-program-surveys.ts';
import { listSessions, listSessionsInput } from '../use-cases/list-sessions.ts';
import { listSuppliers, listSuppliersInput } from '../use-cases/list-suppliers.ts';
import { rateSupplier, rateSupplierInput } from '../use-cases/rate-supplier.ts';
import { reopenFile, reopenFileInput } from '../use-cases/reopen-file.ts';
import { savePlan, savePlanInput } from '../use-cases/save-plan.ts';
import { scheduleSession, scheduleSessionInput } from '../use-cases/schedule-session.ts';
import { actionProgressInput, updateActionProgress } from '../use-cases/update-action-progress.ts';
import { updateSession, updateSessionInput } from '../use-cases/update-session.ts';
import { updateSupplier, updateSupplierInput } from '../use-cases/update-supplier.ts';

export const coachingOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'scheduleSession',
    method: 'post',
    path: '/sessions',
    summary:
      'Schedule a coaching session (`startsAt`: ISO 8601 with Montréal’s offset); e-mails the `.ics` invitation',
    tag: 'coaching',
    access: 'user',
    body: scheduleSessionInput,
    response: sessionWithBudget,
    successStatus: 201,
    handle: async (ctx, { body }) => presentSessionWithBudget(await scheduleSession(ctx, body)),
  }),
  defineOperation({
    operationId: 'listSessions',
    method: 'get',
    path: '/sessions',
    summary: 'The sessions of a business and its hours budget',
    tag: 'coaching',
    access: 'user',
    query: listSessionsInput,
    response: sessionList,
    handle: async (ctx, { query }) => presentSessions(await listSessions(ctx, query)),
  }),
  defineOperation({
    operationId: 'getSession',
    method: 'get',
    path: '/sessions/{id}',
    summary: 'One session',
    tag: 'coaching',
    access: 'user',
    response: session,
    handle: async (ctx, { params }) => presentSession(await getSession(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'updateSession',
    method: 'patch',
    path: '/sessions/{id}',
    summary:
      'Move, change or cancel a session (update with a higher SEQUENCE), or record hours, notes and summary afterwards',
    tag: 'coaching',
    access: 'user',
    body: updateSessionInput,
    response: sessionWithBudget,
    handle: async (ctx, { params, body }) =>
      presentSessionWithBudget(await updateSession(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'getSessionInvitation',
    method: 'get',
    path: '/sessions/{id}/invite.ics',
    summary: 'The session’s iCalendar invitation as it stands (TZID America/Montreal)',
    tag: 'coaching',
    access: 'user',
    produces: 'text/calendar',
    handle: async (ctx, { params }) => ({
      status: 200,
      file: await getSessionInvitation(ctx, params.id!),
      contentType: 'text/calendar; charset=utf-8',
      filename: 'invite.ics',
    }),
  }),
  defineOperation({
    operationId: 'getPlan',
    method: 'get',
    path: '/plans/{applicationId}',
    summary: 'The action plan of a business (a suggested draft from the diagnostic until saved)',
    tag: 'coaching',
    access: 'user',
    response: plan,
    handle: async (ctx, { params }) => presentPlan(await getPlan(ctx, params.applicationId!)),
  }),
  defineOperation({
    operationId: 'savePlan',
    method: 'put',
    path: '/plans/{applicationId}',
    summary: 'Save the whole plan; `status: approved` is refused with the list of missing elements',
    tag: 'coaching',
    access: 'user',
    body: savePlanInput,
    response: plan,
    handle: async (ctx, { params, body }) => presentPlan(await savePlan(ctx, params.applicationId!, body)),
  }),
  defineOperation({
    operationId: 'updateActionProgress',
    method: 'patch',
    path: '/plans/{applicationId}/actions/{actionId}',
    summary: 'The retailer or the expert updates where an action stands',
    tag: 'coaching',
    access: 'user',
    body: actionProgressInput,
    response: plan,
    handle: async (ctx, { params, body }) =>
      presentPlan(await updateActionProgress(ctx, params.applicationId!, params.actionId!, body)),
  }),
  defineOperation({
    operationId: 'getCoachingOverview',
    method: 'get',
    path: '/applications/{id}/coaching',
    summary:
      'Where the coaching of a business stands: expert, sessions, hours budget, plan progress, closure, surveys, and what the caller may do',
    tag: 'coaching',
    access: 'user',
    response: coachingOverview,
    handle: async (ctx, { params }) => presentCoachingOverview(await getCoachingOverview(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'closeFile',
    method: 'post',
    path: '/applications/{id}/close',
    summary:
      'Close the coaching file (completed, or abandoned with a reason; completed with little done — no session held or under half of the plan done — needs a reason too); asks for T1 and the outcome survey',
    tag: 'coaching',
    access: 'user',
    body: closeFileInput,
    response: closure,
    handle: async (ctx, { params, body }) => presentClosure(await closeFile(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'reopenFile',
    method: 'post',
    path: '/applications/{id}/reopen',
    summary:
      'Reopen a file closed by mistake, with a reason (program team): the expert comes back if they have room, else the file waits for one; unanswered outcome surveys are withdrawn',
    tag: 'coaching',
    access: 'user',
    body: reopenFileInput,
    response: reopening,
    handle: async (ctx, { params, body }) => presentReopening(await reopenFile(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'getSurvey',
    method: 'get',
    path: '/surveys/{id}',
    summary: 'An outcome survey (at closure or six months later)',
    tag: 'coaching',
    access: 'user',
    response: survey,
    handle: async (ctx, { params }) => presentSurvey(await getSurvey(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'answerSurvey',
    method: 'post',
    path: '/surveys/{id}/answers',
    summary: 'The retailer answers an outcome survey (once)',
    tag: 'coaching',
    access: 'user',
    body: outcomeAnswers,
    response: survey,
    handle: async (ctx, { params, body }) => presentSurvey(await answerSurvey(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'listSuppliers',
    method: 'get',
    path: '/suppliers',
    summary: 'The supplier directory, alphabetical (no paid ranking), by category, region and language',
    tag: 'coaching',
    access: 'user',
    query: listSuppliersInput,
    response: supplierDirectory,
    handle: async (ctx, { query }) => presentSupplierDirectory(await listSuppliers(ctx, query)),
  }),
  ...exportOperations({
    operationId: 'exportSuppliers',
    list: 'suppliers',
    summary: 'The supplier directory as a file, withdrawn entries included, with its filters (program team)',
    tag: 'coaching',
    query: listSuppliersInput.omit({ all: true }),
    make: exportSuppliers,
  }),
  defineOperation({
    operationId: 'createSupplier',
    method: 'post',
    path: '/suppliers',
    summary: 'Add a supplier to the directory (program team)',
    tag: 'coaching',
    access: 'user',
    body: createSupplierInput,
    successStatus: 201,
    response: supplier,
    handle: async (ctx, { body }) => presentSupplier(await createSupplier(ctx, body)),
  }),
  defineOperation({
    operationId: 'updateSupplier',
    method: 'patch',
    path: '/suppliers/{id}',
    summary: 'Change a supplier, or take it out of the directory (program team)',
    tag: 'coaching',
    access: 'user',
    body: updateSupplierInput,
    response: supplier,
    handle: async (ctx, { params, body }) => presentSupplier(await updateSupplier(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'rateSupplier',
    method: 'post',
    path: '/suppliers/{id}/ratings',
    summary: 'A retailer rates a supplier of their action plan (1–5)',
    tag: 'coaching',
    access: 'user',
    body: rateSupplierInput,
    response: rating,
    handle: async (ctx, { params, body }) => presentRating(await rateSupplier(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'getCaseload',
    method: 'get',
    path: '/caseload',
    summary: 'The expert’s own files: next session, plan progress, hours, flags',
    tag: 'coaching',
    access: 'user',
    query: caseloadInput,
    response: caseload,
    handle: async (ctx, { query }) => presentCaseload(await getCaseload(ctx, query)),
  }),
  ...exportOperations({
    operationId: 'exportSessions',
    list: 'sessions',
    summary:
      'Every session of a program, newest first, by expert, status and days (`from`, `to`, both included) as a file (program team)',
    tag: 'coaching',
    query: programSessionFilters.omit({ cursor: true, limit: true }),
    make: exportProgramSessions,
  }),
  ...exportOperations({
    operationId: 'exportPlans',
    list: 'plans',
    summary:
      'Every action plan of a program by business name, with actions done and overdue, by expert and status, as a file (program team)',
    tag: 'coaching',
    query: programPlanFilters.omit({ cursor: true, limit: true }),
    make: exportProgramPlans,
  }),
  ...exportOperations({
    operationId: 'exportSurveys',
    list: 'surveys',
    summary:
      'Every outcome survey of a program with its answers, by wave, state, expert and due days, as a file (program team)',
    tag: 'coaching',
    query: programSurveyFilters.omit({ cursor: true, limit: true }),
    make: exportProgramSurveys,
  }),
  defineOperation({
    operationId: 'getWorkload',
    method: 'get',
    path: '/workload',
    summary: 'Each expert’s active files, hours logged and sessions this month (program team)',
    tag: 'coaching',
    access: 'user',
    query: workloadInput,
    response: workload,
    handle: async (ctx, { query }) => presentWorkload(await getWorkload(ctx, query)),
  }),
];
