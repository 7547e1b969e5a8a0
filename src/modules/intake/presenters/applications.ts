import { z } from 'zod';
import { pageOf } from '../../../platform/http/api.ts';
import { instant, instantOrNull } from '../../../platform/http/present.ts';
import type { ApplicationStatusView, ApplicationView } from '../domain/application-view.ts';
import { APPLICATION_STATUSES } from '../domain/status.ts';
import type { DecisionResult } from '../use-cases/decide-application.ts';
import type { decideApplicationsInBulk } from '../use-cases/decide-applications-in-bulk.ts';
import type { ApplicationDetail } from '../use-cases/get-application.ts';
import type { ImportReport } from '../use-cases/import-applications.ts';
import type { listApplications } from '../use-cases/list-applications.ts';
import type { listMyApplications } from '../use-cases/list-my-applications.ts';
import type { listReferrals } from '../use-cases/list-referrals.ts';

const status = z.enum(APPLICATION_STATUSES);

export const criterionResult = z.object({
  id: z.string(),
  passed: z.boolean(),
  label: z.string(),
  message: z.string(),
});

export const application = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  status,
  draftStep: z.number().int(),
  business: z.object({
    legalName: z.string().nullable(),
    tradeName: z.string().nullable(),
    neq: z.string().nullable(),
    street: z.string().nullable(),
    municipality: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    postalCode: z.string().nullable(),
    region: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    socialLinks: z.array(z.string()),
    naics: z.string().nullable(),
    employees: z.number().int().nullable(),
    foundedYear: z.number().int().nullable(),
    annualRevenueBand: z.string().nullable(),
    languagesServed: z.array(z.string()),
    onlinePresence: z.array(z.string()),
    goals: z.string().nullable(),
    challenges: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
  }),
  consents: z.object({
    participation: z.boolean(),
    research: z.boolean(),
    surveys: z.boolean(),
    publication: z.boolean(),
    newsletter: z.boolean(),
  }),
  attestation: z.boolean(),
  referralCode: z.string().nullable(),
  establishment: z
    .string()
    .nullable()
    .describe(
      'The establishment (store) the application is for, among those the business registry lists for the NEQ looked up: its registry number (NO_SUF_ETAB), `other` for none of them; null until chosen',
    ),
  partner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  neqWarning: z.boolean(),
  eligibility: z
    .object({
      eligible: z.boolean(),
      criteriaVersion: z.number().int().nullable(),
      criteria: z.array(criterionResult),
    })
    .nullable(),
  submittedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionReason: z.string().nullable(),
  infoRequest: z.string().nullable(),
  waitlistPosition: z.number().int().nullable(),
  reviewRequestedAt: z.iso.datetime().nullable().describe('When the applicant asked a person to review'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  history: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      message: z.string().nullable(),
      actorName: z.string().nullable(),
      occurredAt: z.iso.datetime(),
    }),
  ),
});

export const presentApplication = (view: ApplicationView): z.input<typeof application> => ({
  ...view,
  submittedAt: instantOrNull(view.submittedAt),
  decidedAt: instantOrNull(view.decidedAt),
  reviewRequestedAt: instantOrNull(view.reviewRequestedAt),
  createdAt: instant(view.createdAt),
  updatedAt: instant(view.updatedAt),
  history: view.history.map((event) => ({ ...event, occurredAt: instant(event.occurredAt) })),
});

const applicationStatus = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  status,
  tradeName: z.string().nullable(),
  municipality: z.string().nullable(),
  region: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
});

const presentApplicationStatus = (view: ApplicationStatusView): z.input<typeof applicationStatus> => ({
  ...view,
  submittedAt: instantOrNull(view.submittedAt),
  decidedAt: instantOrNull(view.decidedAt),
});

/** All of it for the retailer and the team (the team also sees possible duplicates); the status for a partner. */
export const applicationDetail = z.union([
  application.extend({
    duplicates: z
      .array(
        z.object({
          id: z.uuid(),
          legalName: z.string().nullable(),
          status,
          matches: z.array(z.enum(['neq', 'email', 'phone', 'address'])),
        }),
      )
      .optional()
      .describe('Program team only: other applications with the same NEQ, e-mail, phone or address'),
  }),
  applicationStatus,
]);

export const presentApplicationDetail = (detail: ApplicationDetail): z.input<typeof applicationDetail> =>
  detail.access === 'full'
    ? {
        ...presentApplication(detail.application),
        ...(detail.staff ? { duplicates: detail.staff.duplicates } : {}),
      }
    : presentApplicationStatus(detail.application);

const reviewQueue = pageOf(
  z.object({
    id: z.uuid(),
    programId: z.uuid(),
    legalName: z.string().nullable(),
    tradeName: z.string().nullable(),
    neq: z.string().nullable(),
    region: z.string().nullable(),
    municipality: z.string().nullable(),
    naics: z.string().nullable(),
    employees: z.number().int().nullable(),
    status,
    eligible: z.boolean().nullable(),
    submittedAt: z.iso.datetime().nullable(),
    waitlistedAt: z.iso.datetime().nullable().describe('When it joined the waitlist (its place in line)'),
    reviewRequested: z.boolean(),
    partner: z.string().nullable(),
  }),
).extend({
  total: z.number().int().describe('Matches, counted up to 1,000'),
  totalIsLowerBound: z.boolean().describe('True when there are more than `total` matches'),
});

const referrals = pageOf(
  z.object({
    id: z.uuid(),
    name: z.string().nullable(),
    municipality: z.string().nullable(),
    status,
    submittedAt: z.iso.datetime().nullable(),
    decidedAt: z.iso.datetime().nullable(),
  }),
).extend({
  organization: z
    .object({ id: z.uuid(), name: z.string(), referralCode: z.string() })
    .nullable()
    .describe('The partner organisation of the caller'),
});

const ownApplications = pageOf(
  z.object({
    id: z.uuid(),
    programId: z.uuid(),
    status,
    legalName: z.string().nullable(),
    tradeName: z.string().nullable(),
    draftStep: z.number().int(),
    submittedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
  }),
);

/** GET /applications answers by role: the review queue (team), referrals (partner), one's own (retailer). */
export const applicationList = z.union([reviewQueue, referrals, ownApplications]);

export const presentReviewQueue = (
  page: Awaited<ReturnType<typeof listApplications>>,
): z.input<typeof reviewQueue> => ({
  ...page,
  items: page.items.map((item) => ({
    ...item,
    submittedAt: instantOrNull(item.submittedAt),
    waitlistedAt: instantOrNull(item.waitlistedAt),
  })),
});

export const presentReferrals = (
  page: Awaited<ReturnType<typeof listReferrals>>,
): z.input<typeof referrals> => ({
  ...page,
  organization: page.organization ?? null,
  items: page.items.map((item) => ({
    ...item,
    submittedAt: instantOrNull(item.submittedAt),
    decidedAt: instantOrNull(item.decidedAt),
  })),
});

export const presentOwnApplications = (
  page: Awaited<ReturnType<typeof listMyApplications>>,
): z.input<typeof ownApplications> => ({
  ...page,
  items: page.items.map((item) => ({
    ...item,
    submittedAt: instantOrNull(item.submittedAt),
    updatedAt: instant(item.updatedAt),
  })),
});

export const decision = z.object({
  id: z.uuid(),
  status,
  waitlistPosition: z.number().int().nullable(),
  capacityReached: z.boolean(),
});

export const presentDecision = (result: DecisionResult): z.input<typeof decision> => ({
  id: result.id,
  status: result.status as z.input<typeof status>,
  waitlistPosition: result.waitlistPosition,
  capacityReached: result.capacityReached,
});

export const bulkDecision = z.object({
  results: z.array(
    z.discriminatedUnion('ok', [
      decision.extend({ ok: z.literal(true) }),
      z.object({ id: z.uuid(), ok: z.literal(false), error: z.string().describe('Why, in words') }),
    ]),
  ),
});

export const presentBulkDecision = (
  outcome: Awaited<ReturnType<typeof decideApplicationsInBulk>>,
): z.input<typeof bulkDecision> => ({
  results: outcome.results.map((result) => (result.ok ? { ...presentDecision(result), ok: true } : result)),
});

export const importReport = z.object({
  created: z.array(z.object({ row: z.number().int(), id: z.uuid(), neq: z.string() })),
  skipped: z.array(
    z.object({
      row: z.number().int(),
      neq: z.string(),
      reason: z.enum(['already_in_program', 'repeated_in_file']),
    }),
  ),
  errors: z.array(z.object({ row: z.number().int(), path: z.string(), message: z.string() })),
});

export const presentImportReport = (report: ImportReport): z.input<typeof importReport> => report;
