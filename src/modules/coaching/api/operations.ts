import { z } from 'zod';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { outcomeAnswers } from '../domain/outcomes.ts';
import { ACTION_STATUSES } from '../domain/plan.ts';
import { SESSION_MODES } from '../domain/sessions.ts';
import { answerSurvey } from '../use-cases/answer-survey.ts';
import { closeFile, closeFileInput } from '../use-cases/close-file.ts';
import { createSupplier, createSupplierInput } from '../use-cases/create-supplier.ts';
import { caseloadInput, getCaseload } from '../use-cases/get-caseload.ts';
import { getCoachingOverview } from '../use-cases/get-coaching-overview.ts';
import { getPlan } from '../use-cases/get-plan.ts';
import { getSession } from '../use-cases/get-session.ts';
import { getSessionInvitation } from '../use-cases/get-session-invitation.ts';
import { getSurvey } from '../use-cases/get-survey.ts';
import { getWorkload, workloadInput } from '../use-cases/get-workload.ts';
import { listSessions, listSessionsInput } from '../use-cases/list-sessions.ts';
import { listSuppliers, listSuppliersInput } from '../use-cases/list-suppliers.ts';
import { rateSupplier, rateSupplierInput } from '../use-cases/rate-supplier.ts';
import { savePlan, savePlanInput } from '../use-cases/save-plan.ts';
import { scheduleSession, scheduleSessionInput } from '../use-cases/schedule-session.ts';
import { actionProgressInput, updateActionProgress } from '../use-cases/update-action-progress.ts';
import { updateSession, updateSessionInput } from '../use-cases/update-session.ts';
import { updateSupplier, updateSupplierInput } from '../use-cases/update-supplier.ts';

const hoursBudget = z.object({
  budgetHours: z.number(),
  usedHours: z.number(),
  plannedHours: z.number(),
  remainingHours: z.number(),
  availableHours: z.number().describe('Neither used nor booked yet'),
  warning: z.enum(['low', 'exhausted', 'exceeded']).nullable(),
  message: z.string().nullable(),
});
const session = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  expertId: z.uuid(),
  startsAt: z.string().describe('ISO 8601 with Montréal’s offset'),
  durationMinutes: z.number().int(),
  mode: z.enum(SESSION_MODES),
  location: z.string().nullable(),
  status: z.enum(['scheduled', 'held', 'cancelled']),
  sequence: z.number().int(),
  hours: z.number().nullable(),
  notes: z.string().nullable().describe('Staff only; null for the retailer'),
  summary: z.string().nullable().describe('For the retailer only once shared'),
  summaryShared: z.boolean(),
});
const plan = z.object({
  applicationId: z.uuid(),
  saved: z.boolean().describe('False: a draft suggested from the diagnostic, not saved yet'),
  status: z.enum(['draft', 'approved']),
  currentState: z.string(),
  goals: z.string(),
  budgetCents: z.number().int().nullable(),
  timeline: z.string(),
  actions: z.array(
    z.object({
      id: z.uuid().nullable(),
      objective: z.string(),
      steps: z.string(),
      owner: z.string(),
      dueDate: z.string().nullable(),
      estimatedCostCents: z.number().int().nullable(),
      status: z.enum(ACTION_STATUSES),
      supplierId: z.uuid().nullable(),
      recommendationKey: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  missing: z.array(z.string()).describe('What approval still needs, by field'),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
});

const coachingOverview = z.object({
  applicationId: z.uuid(),
  business: z.string(),
  assigned: z.boolean().describe('An expert coaches the business now'),
  expert: z.object({ name: z.string() }).nullable().describe('Once closed: the expert of the last session'),
  closed: z
    .object({ at: z.string(), outcome: z.enum(['completed', 'abandoned']), reason: z.string().nullable() })
    .nullable(),
  sessions: z.array(session),
  hoursBudget,
  plan: z
    .object({ status: z.enum(['draft', 'approved']), done: z.number().int(), total: z.number().int() })
    .nullable(),
  surveys: z
    .array(z.object({ id: z.uuid(), wave: z.enum(['closure', 'six_months']), answered: z.boolean() }))
    .describe('Outcome surveys sent; the retailer and the program team only'),
  can: z
    .object({
      manageSessions: z.boolean(),
      recordSessions: z.boolean(),
      editPlan: z.boolean(),
      updateProgress: z.boolean(),
      close: z.boolean(),
      readNotes: z.boolean(),
      answerSurveys: z.boolean(),
      reviewApplication: z.boolean(),
    })
    .describe('What the caller may do with this file now'),
});

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
    response: session.extend({ hoursBudget }),
    successStatus: 201,
    handle: (ctx, { body }) => scheduleSession(ctx, body),
  }),
  defineOperation({
    operationId: 'listSessions',
    method: 'get',
    path: '/sessions',
    summary: 'The sessions of a business and its hours budget',
    tag: 'coaching',
    access: 'user',
    query: listSessionsInput,
    response: z.object({ items: z.array(session), hoursBudget }),
    handle: (ctx, { query }) => listSessions(ctx, query),
  }),
  defineOperation({
    operationId: 'getSession',
    method: 'get',
    path: '/sessions/{id}',
    summary: 'One session',
    tag: 'coaching',
    access: 'user',
    response: session,
    handle: (ctx, { params }) => getSession(ctx, params.id!),
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
    response: session.extend({ hoursBudget }),
    handle: (ctx, { params, body }) => updateSession(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'getSessionInvitation',
    method: 'get',
    path: '/sessions/{id}/invite.ics',
    summary: 'The session’s iCalendar invitation as it stands (TZID America/Montreal)',
    tag: 'coaching',
    access: 'user',
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
    handle: (ctx, { params }) => getPlan(ctx, params.applicationId!),
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
    handle: (ctx, { params, body }) => savePlan(ctx, params.applicationId!, body),
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
    handle: (ctx, { params, body }) =>
      updateActionProgress(ctx, params.applicationId!, params.actionId!, body),
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
    handle: (ctx, { params }) => getCoachingOverview(ctx, params.id!),
  }),
  defineOperation({
    operationId: 'closeFile',
    method: 'post',
    path: '/applications/{id}/close',
    summary:
      'Close the coaching file (completed, or abandoned with a reason); asks for T1 and the outcome survey',
    tag: 'coaching',
    access: 'user',
    body: closeFileInput,
    handle: (ctx, { params, body }) => closeFile(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'getSurvey',
    method: 'get',
    path: '/surveys/{id}',
    summary: 'An outcome survey (at closure or six months later)',
    tag: 'coaching',
    access: 'user',
    handle: (ctx, { params }) => getSurvey(ctx, params.id!),
  }),
  defineOperation({
    operationId: 'answerSurvey',
    method: 'post',
    path: '/surveys/{id}/answers',
    summary: 'The retailer answers an outcome survey (once)',
    tag: 'coaching',
    access: 'user',
    body: outcomeAnswers,
    handle: (ctx, { params, body }) => answerSurvey(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'listSuppliers',
    method: 'get',
    path: '/suppliers',
    summary: 'The supplier directory, alphabetical (no paid ranking), by category, region and language',
    tag: 'coaching',
    access: 'user',
    query: listSuppliersInput,
    handle: (ctx, { query }) => listSuppliers(ctx, query),
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
    handle: (ctx, { body }) => createSupplier(ctx, body),
  }),
  defineOperation({
    operationId: 'updateSupplier',
    method: 'patch',
    path: '/suppliers/{id}',
    summary: 'Change a supplier, or take it out of the directory (program team)',
    tag: 'coaching',
    access: 'user',
    body: updateSupplierInput,
    handle: (ctx, { params, body }) => updateSupplier(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'rateSupplier',
    method: 'post',
    path: '/suppliers/{id}/ratings',
    summary: 'A retailer rates a supplier of their action plan (1–5)',
    tag: 'coaching',
    access: 'user',
    body: rateSupplierInput,
    handle: (ctx, { params, body }) => rateSupplier(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'getCaseload',
    method: 'get',
    path: '/caseload',
    summary: 'The expert’s own files: next session, plan progress, hours, flags',
    tag: 'coaching',
    access: 'user',
    query: caseloadInput,
    handle: (ctx, { query }) => getCaseload(ctx, query),
  }),
  defineOperation({
    operationId: 'getWorkload',
    method: 'get',
    path: '/workload',
    summary: 'Each expert’s active files, hours logged and sessions this month (program team)',
    tag: 'coaching',
    access: 'user',
    query: workloadInput,
    handle: (ctx, { query }) => getWorkload(ctx, query),
  }),
];
