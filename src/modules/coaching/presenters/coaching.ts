import { z } from 'zod';
import { instant, instantOrNull } from '../../../platform/http/present.ts';
import { outcomeAnswers } from '../domain/outcomes.ts';
import { ACTION_STATUSES } from '../domain/plan.ts';
import { SESSION_MODES } from '../domain/sessions.ts';
import type { closeFile } from '../use-cases/close-file.ts';
import type { createSupplier } from '../use-cases/create-supplier.ts';
import type { getCaseload } from '../use-cases/get-caseload.ts';
import type { CoachingOverview } from '../use-cases/get-coaching-overview.ts';
import type { getPlan } from '../use-cases/get-plan.ts';
import type { getSurvey } from '../use-cases/get-survey.ts';
import type { getWorkload } from '../use-cases/get-workload.ts';
import type { hoursOf } from '../use-cases/hours-of.ts';
import type { listSuppliers } from '../use-cases/list-suppliers.ts';
import type { rateSupplier } from '../use-cases/rate-supplier.ts';
import type { reopenFile } from '../use-cases/reopen-file.ts';
import type { SessionView } from '../use-cases/session-view.ts';
import type { updateSupplier } from '../use-cases/update-supplier.ts';

const hoursBudget = z.object({
  budgetHours: z.number(),
  usedHours: z.number(),
  plannedHours: z.number(),
  remainingHours: z.number(),
  availableHours: z.number().describe('Neither used nor booked yet'),
  trainingHours: z.number().describe('Hours of workshops attended, apart from the coaching budget'),
  warning: z.enum(['low', 'exhausted', 'exceeded']).nullable(),
  message: z.string().nullable(),
});
type HoursBudget = Awaited<ReturnType<typeof hoursOf>>;

export const session = z.object({
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

/** The use cases give a session in its API shape (times already in Montréal); the type checks it. */
export const presentSession = (view: SessionView): z.input<typeof session> => view;

export const sessionWithBudget = session.extend({
  hoursBudget,
  fundingWarning: z
    .string()
    .nullable()
    .optional()
    .describe('Recorded hours the accompaniment envelope could not pay for: they are saved, not committed'),
});

export const presentSessionWithBudget = (
  view: SessionView & { hoursBudget: HoursBudget; fundingWarning?: string | null },
): z.input<typeof sessionWithBudget> => view;

export const sessionList = z.object({ items: z.array(session), hoursBudget });

export const presentSessions = (list: {
  items: SessionView[];
  hoursBudget: HoursBudget;
}): z.input<typeof sessionList> => list;

export const plan = z.object({
  applicationId: z.uuid(),
  saved: z.boolean().describe('False: a draft suggested from the diagnostic, not saved yet'),
  status: z.enum(['draft', 'approved']),
  approvedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime().nullable().describe('Null until saved'),
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
      note: z.string().describe('Where the action stands, in words'),
      supplierId: z.uuid().nullable(),
      recommendationKey: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  missing: z.array(z.string()).describe('What approval still needs, by field'),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
});

export const presentPlan = (view: Awaited<ReturnType<typeof getPlan>>): z.input<typeof plan> => ({
  ...view,
  approvedAt: instantOrNull(view.approvedAt),
  updatedAt: instantOrNull(view.updatedAt),
});

export const coachingOverview = z.object({
  applicationId: z.uuid(),
  business: z.string().nullable(),
  assigned: z.boolean().describe('An expert coaches the business now'),
  expert: z.object({ name: z.string() }).nullable().describe('Once closed: the expert of the last session'),
  closed: z
    .object({
      at: z.iso.datetime(),
      outcome: z.enum(['completed', 'abandoned']),
      reason: z.string().nullable(),
    })
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
      reopen: z.boolean(),
      readNotes: z.boolean(),
      answerSurveys: z.boolean(),
      reviewApplication: z.boolean(),
    })
    .describe('What the caller may do with this file now'),
});

export const presentCoachingOverview = (overview: CoachingOverview): z.input<typeof coachingOverview> => ({
  ...overview,
  closed: overview.closed && { ...overview.closed, at: instant(overview.closed.at) },
});

const wave = z.enum(['closure', 'six_months']);

export const closure = z.object({
  applicationId: z.uuid(),
  outcome: z.enum(['completed', 'abandoned']),
  closedAt: z.iso.datetime(),
  surveys: z.array(z.object({ id: z.uuid(), wave })).describe('At closure, and six months later'),
});

export const presentClosure = (closed: Awaited<ReturnType<typeof closeFile>>): z.input<typeof closure> => ({
  ...closed,
  closedAt: instant(closed.closedAt),
  surveys: closed.surveys.map((s) => ({ id: s.id, wave: s.wave as z.input<typeof wave> })),
});

export const reopening = z.object({
  applicationId: z.uuid(),
  reopenedAt: z.iso.datetime(),
  expert: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('Null: waits for an expert'),
  surveysWithdrawn: z.array(wave),
});

export const presentReopening = (
  reopened: Awaited<ReturnType<typeof reopenFile>>,
): z.input<typeof reopening> => ({
  ...reopened,
  reopenedAt: instant(reopened.reopenedAt),
  surveysWithdrawn: reopened.surveysWithdrawn.map((w) => w as z.input<typeof wave>),
});

export const survey = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  business: z.string().nullable(),
  wave,
  dueAt: z.iso.datetime(),
  open: z.boolean().describe('Sent and not answered yet'),
  answeredAt: z.iso.datetime().nullable(),
  answers: outcomeAnswers.nullable(),
  choices: z.object({ revenueChange: z.array(z.string()), toolsAdopted: z.array(z.string()) }),
  closingDiagnostic: z
    .object({
      id: z.uuid(),
      phase: z.enum(['T0', 'T1']),
      status: z.enum(['in_progress', 'completed']),
      overall: z.number().nullable(),
      level: z.string().nullable(),
      completedAt: z.iso.datetime().nullable(),
    })
    .nullable()
    .describe('The T1 diagnostic, when started'),
});

export const presentSurvey = (found: Awaited<ReturnType<typeof getSurvey>>): z.input<typeof survey> => ({
  ...found,
  choices: { revenueChange: [...found.choices.revenueChange], toolsAdopted: [...found.choices.toolsAdopted] },
  dueAt: instant(found.dueAt),
  answeredAt: instantOrNull(found.answeredAt),
  closingDiagnostic: found.closingDiagnostic && {
    ...found.closingDiagnostic,
    completedAt: instantOrNull(found.closingDiagnostic.completedAt),
  },
});

const supplierFields = {
  id: z.uuid(),
  name: z.string(),
  categories: z.array(z.string()),
  regions: z.array(z.string()),
  languages: z.array(z.string()),
  website: z.string().nullable(),
  descriptionFr: z.string(),
  descriptionEn: z.string(),
  active: z.boolean().describe('False: out of the directory'),
};

export const supplier = z.object(supplierFields);

export const presentSupplier = (
  saved: Awaited<ReturnType<typeof createSupplier> | ReturnType<typeof updateSupplier>>,
): z.input<typeof supplier> => ({
  id: saved.id,
  name: saved.name,
  categories: saved.categories,
  regions: saved.regions,
  languages: saved.languages,
  website: saved.website,
  descriptionFr: saved.descriptionFr,
  descriptionEn: saved.descriptionEn,
  active: saved.active,
});

export const supplierDirectory = z.object({
  items: z.array(
    z.object({
      ...supplierFields,
      description: z.string().describe('In the caller’s language, or the other when missing'),
      rating: z
        .object({ average: z.number(), count: z.number().int() })
        .nullable()
        .describe('Average of the ratings given, and how many'),
    }),
  ),
});

export const presentSupplierDirectory = (
  directory: Awaited<ReturnType<typeof listSuppliers>>,
): z.input<typeof supplierDirectory> => directory;

export const rating = z.object({
  supplierId: z.uuid(),
  applicationId: z.uuid(),
  rating: z.number().int(),
  comment: z.string().nullable(),
  ratedAt: z.iso.datetime(),
});

export const presentRating = (rated: Awaited<ReturnType<typeof rateSupplier>>): z.input<typeof rating> => ({
  ...rated,
  ratedAt: instant(rated.ratedAt),
});

export const caseload = z.object({
  items: z.array(
    z.object({
      applicationId: z.uuid(),
      business: z.string().nullable(),
      municipality: z.string().nullable(),
      region: z.string().nullable(),
      closedAt: z.iso.datetime().nullable(),
      diagnosed: z.boolean().describe('The entry diagnostic is completed'),
      nextSession: z.object({ startsAt: z.string(), mode: z.enum(SESSION_MODES) }).nullable(),
      plan: z
        .object({
          status: z.enum(['draft', 'approved']),
          done: z.number().int(),
          total: z.number().int(),
          overdueActions: z.number().int(),
        })
        .nullable(),
      hours: z.object({
        usedHours: z.number(),
        budgetHours: z.number(),
        warning: z.enum(['low', 'exhausted', 'exceeded']).nullable(),
      }),
      lastContactAt: z.string().nullable().describe('ISO 8601 with Montréal’s offset'),
      flags: z.array(z.enum(['no_contact', 'plan_overdue'])),
    }),
  ),
});

export const presentCaseload = (
  files: Awaited<ReturnType<typeof getCaseload>>,
): z.input<typeof caseload> => ({
  items: files.items.map((file) => ({
    ...file,
    closedAt: instantOrNull(file.closedAt),
    // The next session's mode comes from a raw query: the column's enum, untyped.
    nextSession: file.nextSession && {
      startsAt: file.nextSession.startsAt,
      mode: file.nextSession.mode as (typeof SESSION_MODES)[number],
    },
  })),
});

export const workload = z.object({
  month: z.string().describe('`2027-01`, in Montréal'),
  items: z.array(
    z.object({
      expertId: z.uuid(),
      name: z.string(),
      status: z.enum(['active', 'on_leave']),
      activeFiles: z.number().int(),
      capacity: z.number().int(),
      hoursLogged: z.number(),
      hoursLoggedThisMonth: z.number(),
      sessionsThisMonth: z.number().int(),
    }),
  ),
});

export const presentWorkload = (load: Awaited<ReturnType<typeof getWorkload>>): z.input<typeof workload> =>
  load;
