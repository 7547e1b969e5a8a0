import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import { type ApiOperation, defineOperation, pageOf } from '../../../platform/http/api.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import { applicationChangesInput } from '../domain/application-input.ts';
import { APPLICATION_STATUSES } from '../domain/status.ts';
import { addApplicationNote, noteInput } from '../use-cases/add-application-note.ts';
import { addPartnerMember, addPartnerMemberInput } from '../use-cases/add-partner-member.ts';
import { checkEligibility, eligibilityCheckInput } from '../use-cases/check-eligibility.ts';
import { createApplication, createApplicationInput } from '../use-cases/create-application.ts';
import { createPartnerInput, createPartnerOrganization } from '../use-cases/create-partner-organization.ts';
import { decideApplication, decisionInput } from '../use-cases/decide-application.ts';
import { bulkDecisionInput, decideApplicationsInBulk } from '../use-cases/decide-applications-in-bulk.ts';
import { getApplication } from '../use-cases/get-application.ts';
import { getIntakeSummary } from '../use-cases/get-intake-summary.ts';
import { getProgramOverview } from '../use-cases/get-program-overview.ts';
import { importApplications } from '../use-cases/import-applications.ts';
import { listApplications, reviewQueueInput } from '../use-cases/list-applications.ts';
import { listMyApplications } from '../use-cases/list-my-applications.ts';
import { listPartnerOrganizations, listPartnersInput } from '../use-cases/list-partner-organizations.ts';
import { listProgramOverviews } from '../use-cases/list-program-overviews.ts';
import { listReferrals } from '../use-cases/list-referrals.ts';
import { publishConsentTexts, publishConsentTextsInput } from '../use-cases/publish-consent-texts.ts';
import { publishCriteria, publishCriteriaInput } from '../use-cases/publish-criteria.ts';
import { requestHumanReview, reviewRequestInput } from '../use-cases/request-human-review.ts';
import { submitApplication } from '../use-cases/submit-application.ts';
import { updateApplication } from '../use-cases/update-application.ts';
import { withdrawApplication } from '../use-cases/withdraw-application.ts';

const programOverview = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  targetRetailers: z.number().int(),
  acceptedRetailers: z.number().int(),
  placesRemaining: z.number().int(),
  waitlistLength: z.number().int(),
  full: z.boolean(),
  intakeOpen: z.boolean(),
  intakeOpensAt: z.iso.datetime().nullable(),
  intakeClosesAt: z.iso.datetime().nullable(),
  automatedDecisionNotice: z.string(),
  criteriaVersion: z.number().int(),
  criteria: z.array(z.object({ id: z.string(), label: z.string() })),
  consentTexts: z.array(
    z.object({ purpose: z.string(), version: z.number().int(), required: z.boolean(), text: z.string() }),
  ),
});

const criterionResult = z.object({
  id: z.string(),
  passed: z.boolean(),
  label: z.string(),
  message: z.string(),
});
const status = z.enum(APPLICATION_STATUSES);

const application = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  status,
  draftStep: z.number().int(),
  business: z.record(z.string(), z.unknown()),
  consents: z.object({
    participation: z.boolean(),
    research: z.boolean(),
    surveys: z.boolean(),
    publication: z.boolean(),
  }),
  attestation: z.boolean(),
  referralCode: z.string().nullable(),
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
  history: z.array(
    z.object({
      kind: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      message: z.string().nullable(),
      occurredAt: z.iso.datetime(),
    }),
  ),
});

const statusOnly = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  status,
  tradeName: z.string().nullable(),
  municipality: z.string().nullable(),
  region: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
});

const queueItem = z.object({
  id: z.uuid(),
  legalName: z.string().nullable(),
  tradeName: z.string().nullable(),
  neq: z.string().nullable(),
  region: z.string().nullable(),
  naics: z.string().nullable(),
  employees: z.number().int().nullable(),
  status,
  eligible: z.boolean().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  partner: z.string().nullable(),
});

/** GET /applications answers by role: the review queue for the team, one's own for a retailer, referrals for a partner. */
const applicationsQuery = reviewQueueInput.partial();

export const intakeOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'listPrograms',
    method: 'get',
    path: '/programs',
    summary: 'Programs with live figures: places remaining, intake open, waitlist length',
    tag: 'programs',
    access: 'public',
    response: z.object({ items: z.array(programOverview) }),
    handle: async (ctx) => ({ items: await listProgramOverviews(ctx) }),
  }),
  defineOperation({
    operationId: 'getProgram',
    method: 'get',
    path: '/programs/{id}',
    summary: 'One program with its live figures, eligibility criteria and consent texts',
    tag: 'programs',
    access: 'public',
    response: programOverview,
    handle: (ctx, { params }) => getProgramOverview(ctx, params.id!),
  }),
  defineOperation({
    operationId: 'checkEligibility',
    method: 'post',
    path: '/programs/{id}/eligibility-check',
    summary: 'Anonymous pre-check: an explained eligibility answer; nothing is stored',
    tag: 'programs',
    access: 'public',
    body: eligibilityCheckInput,
    response: z.object({ eligible: z.boolean(), criteria: z.array(criterionResult) }),
    handle: (ctx, { params, body }) => checkEligibility(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'publishCriteria',
    method: 'put',
    path: '/programs/{id}/criteria',
    summary: 'Publish a new version of the eligibility criteria (administrators)',
    tag: 'programs',
    access: 'user',
    body: publishCriteriaInput,
    response: z.object({ version: z.number().int() }),
    handle: (ctx, { params, body }) => publishCriteria(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'publishConsentTexts',
    method: 'put',
    path: '/programs/{id}/consent-texts',
    summary: 'Publish new versions of consent texts (administrators)',
    tag: 'programs',
    access: 'user',
    body: publishConsentTextsInput,
    response: z.object({ versions: z.record(z.string(), z.number().int()) }),
    handle: (ctx, { params, body }) => publishConsentTexts(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'getIntakeSummary',
    method: 'get',
    path: '/programs/{id}/intake-summary',
    summary: 'Applications per status, places left, next on the waitlist (program team)',
    tag: 'applications',
    access: 'user',
    handle: (ctx, { params }) => getIntakeSummary(ctx, params.id!),
  }),
  defineOperation({
    operationId: 'createApplication',
    method: 'post',
    path: '/applications',
    summary: 'Start an application (retailer); saved as a draft until submitted',
    tag: 'applications',
    access: 'user',
    body: createApplicationInput,
    successStatus: 201,
    response: application,
    handle: (ctx, { body }) => createApplication(ctx, body),
  }),
  defineOperation({
    operationId: 'listApplications',
    method: 'get',
    path: '/applications',
    summary:
      'Review queue (program team, with filters), own applications (retailer) or referrals with status (partner)',
    tag: 'applications',
    access: 'user',
    query: applicationsQuery,
    response: pageOf(queueItem).extend({
      total: z.number().int().optional().describe('Matches, counted up to 1,000'),
      totalIsLowerBound: z.boolean().optional().describe('True when there are more than `total` matches'),
    }),
    handle: (ctx, { query }) => {
      if (isAllowed(ctx.actor, 'application.review')) return listApplications(ctx, query);
      if (isAllowed(ctx.actor, 'partner.referrals')) return listReferrals(ctx, query);
      if (isAllowed(ctx.actor, 'application.create')) return listMyApplications(ctx);
      throw new AppError('forbidden');
    },
  }),
  defineOperation({
    operationId: 'getApplication',
    method: 'get',
    path: '/applications/{id}',
    summary: 'One application: all of it for the retailer and the team, its status for the referring partner',
    tag: 'applications',
    access: 'user',
    response: z.union([application, statusOnly]),
    handle: async (ctx, { params }) => {
      const detail = await getApplication(ctx, params.id!);
      return detail.access === 'full'
        ? { ...detail.application, ...(detail.staff ? { duplicates: detail.staff.duplicates } : {}) }
        : detail.application;
    },
  }),
  defineOperation({
    operationId: 'updateApplication',
    method: 'patch',
    path: '/applications/{id}',
    summary: 'Save changes to a draft, or to an application the team asked information about (retailer)',
    tag: 'applications',
    access: 'user',
    body: applicationChangesInput,
    response: application,
    handle: (ctx, { params, body }) => updateApplication(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'submitApplication',
    method: 'post',
    path: '/applications/{id}/submit',
    summary: 'Submit: eligibility is evaluated on the server, with reasons; a receipt is e-mailed',
    tag: 'applications',
    access: 'user',
    response: application,
    handle: (ctx, { params }) => submitApplication(ctx, params.id!),
  }),
  defineOperation({
    operationId: 'withdrawApplication',
    method: 'post',
    path: '/applications/{id}/withdraw',
    summary: 'Withdraw one’s application (retailer)',
    tag: 'applications',
    access: 'user',
    response: application,
    handle: (ctx, { params }) => withdrawApplication(ctx, params.id!),
  }),
  defineOperation({
    operationId: 'requestReview',
    method: 'post',
    path: '/applications/{id}/review-request',
    summary: 'Ask a person to review the automated eligibility assessment (retailer)',
    tag: 'applications',
    access: 'user',
    body: reviewRequestInput,
    response: application,
    handle: (ctx, { params, body }) => requestHumanReview(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'decideApplication',
    method: 'post',
    path: '/applications/{id}/decision',
    summary: 'Accept, refuse (reason required), waitlist or ask for information (program team)',
    tag: 'applications',
    access: 'user',
    body: decisionInput,
    response: z.object({
      id: z.uuid(),
      status,
      waitlistPosition: z.number().int().nullable(),
      capacityReached: z.boolean(),
    }),
    handle: (ctx, { params, body }) => decideApplication(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'decideApplications',
    method: 'post',
    path: '/applications/decisions',
    summary: 'The same decision on a selection of applications, each in its own transaction (program team)',
    tag: 'applications',
    access: 'user',
    body: bulkDecisionInput,
    handle: (ctx, { body }) => decideApplicationsInBulk(ctx, body),
  }),
  defineOperation({
    operationId: 'addApplicationNote',
    method: 'post',
    path: '/applications/{id}/notes',
    summary: 'A note on an application, for the program team only',
    tag: 'applications',
    access: 'user',
    body: noteInput,
    successStatus: 204,
    handle: (ctx, { params, body }) => addApplicationNote(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'importApplications',
    method: 'post',
    path: '/applications/import',
    summary:
      'Import paper applications from CSV (body `{programId, csv}`); idempotent by NEQ; a report per row',
    tag: 'applications',
    access: 'user',
    body: z.strictObject({ programId: z.uuid(), csv: z.string() }),
    handle: (ctx, { body }) => importApplications(ctx, body),
  }),
  defineOperation({
    operationId: 'listPartners',
    method: 'get',
    path: '/partners',
    summary:
      'Partner organisations and how many retailers each referred (program team); programId: one program’s',
    tag: 'partners',
    access: 'user',
    query: listPartnersInput,
    handle: (ctx, { query }) => listPartnerOrganizations(ctx, query),
  }),
  defineOperation({
    operationId: 'createPartner',
    method: 'post',
    path: '/partners',
    summary: 'Create a partner organisation with its referral code (program team)',
    tag: 'partners',
    access: 'user',
    body: createPartnerInput,
    successStatus: 201,
    handle: (ctx, { body }) => createPartnerOrganization(ctx, body),
  }),
  defineOperation({
    operationId: 'addPartnerMember',
    method: 'post',
    path: '/partners/{id}/members',
    summary: 'Let a partner account see its organisation’s referrals (program team)',
    tag: 'partners',
    access: 'user',
    body: addPartnerMemberInput,
    successStatus: 204,
    handle: (ctx, { params, body }) => addPartnerMember(ctx, params.id!, body),
  }),
];
