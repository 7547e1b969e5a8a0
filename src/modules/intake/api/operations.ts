import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import { exportOperations } from '../../../platform/exports/operations.ts';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import { applicationChangesInput } from '../domain/application-input.ts';
import { conditionSchema, criterionSchema } from '../domain/criteria-schema.ts';
import {
  application,
  applicationDetail,
  applicationList,
  bulkDecision,
  decision,
  importReport,
  presentApplication,
  presentApplicationDetail,
  presentBulkDecision,
  presentDecision,
  presentImportReport,
  presentOwnApplications,
  presentReferrals,
  presentReviewQueue,
} from '../presenters/applications.ts';
import {
  consentTextVersions,
  createdPartner,
  criteriaVersion,
  eligibilityAnswer,
  intakeSummary,
  partnerList,
  presentCreatedPartner,
  presentEligibilityAnswer,
  presentIntakeSummary,
  presentPartners,
  presentProgramOverview,
  presentPrograms,
  programList,
  programOverview,
} from '../presenters/programs.ts';
import { addApplicationNote, noteInput } from '../use-cases/add-application-note.ts';
import { addPartnerMember, addPartnerMemberInput } from '../use-cases/add-partner-member.ts';
import { checkEligibility, eligibilityCheckInput } from '../use-cases/check-eligibility.ts';
import { createApplication, createApplicationInput } from '../use-cases/create-application.ts';
import { createPartnerInput, createPartnerOrganization } from '../use-cases/create-partner-organization.ts';
import { decideApplication, decisionInput } from '../use-cases/decide-application.ts';
import { bulkDecisionInput, decideApplicationsInBulk } from '../use-cases/decide-applications-in-bulk.ts';
import { exportApplications } from '../use-cases/export-applications.ts';
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

const applicationsQuery = reviewQueueInput.partial();

// Names in the OpenAPI document's components: the condition is recursive, so it can only be referenced
// from there (the document refuses an unnamed recursive schema); clients get types with these names.
conditionSchema.register(z.globalRegistry, { id: 'EligibilityCondition' });
criterionSchema.register(z.globalRegistry, { id: 'EligibilityCriterion' });

export const intakeOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'listPrograms',
    method: 'get',
    path: '/programs',
    summary: 'Programs with live figures: places remaining, intake open, waitlist length',
    tag: 'programs',
    access: 'public',
    response: programList,
    handle: async (ctx) => presentPrograms(await listProgramOverviews(ctx)),
  }),
  defineOperation({
    operationId: 'getProgram',
    method: 'get',
    path: '/programs/{id}',
    summary: 'One program with its live figures, eligibility criteria and consent texts',
    tag: 'programs',
    access: 'public',
    response: programOverview,
    handle: async (ctx, { params }) => presentProgramOverview(await getProgramOverview(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'checkEligibility',
    method: 'post',
    path: '/programs/{id}/eligibility-check',
    summary:
      'Anonymous pre-check: an explained eligibility answer; only a count per day, region and outcome is kept',
    tag: 'programs',
    access: 'public',
    body: eligibilityCheckInput,
    response: eligibilityAnswer,
    handle: async (ctx, { params, body }) =>
      presentEligibilityAnswer(await checkEligibility(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'publishCriteria',
    method: 'put',
    path: '/programs/{id}/criteria',
    summary: 'Publish a new version of the eligibility criteria (administrators)',
    tag: 'programs',
    access: 'user',
    body: publishCriteriaInput,
    response: criteriaVersion,
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
    response: consentTextVersions,
    handle: (ctx, { params, body }) => publishConsentTexts(ctx, params.id!, body),
  }),
  defineOperation({
    operationId: 'getIntakeSummary',
    method: 'get',
    path: '/programs/{id}/intake-summary',
    summary: 'Applications per status, places left, next on the waitlist (program team)',
    tag: 'applications',
    access: 'user',
    response: intakeSummary,
    handle: async (ctx, { params }) => presentIntakeSummary(await getIntakeSummary(ctx, params.id!)),
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
    handle: async (ctx, { body }) => presentApplication(await createApplication(ctx, body)),
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
    response: applicationList,
    handle: async (ctx, { query }) => {
      if (isAllowed(ctx.actor, 'application.review'))
        return presentReviewQueue(await listApplications(ctx, query));
      if (isAllowed(ctx.actor, 'partner.referrals')) return presentReferrals(await listReferrals(ctx, query));
      if (isAllowed(ctx.actor, 'application.create'))
        return presentOwnApplications(await listMyApplications(ctx));
      throw new AppError('forbidden');
    },
  }),
  ...exportOperations({
    operationId: 'exportApplications',
    list: 'applications',
    summary: 'The review queue as a file, with the same filters and order as listApplications (program team)',
    tag: 'applications',
    query: reviewQueueInput.omit({ cursor: true, limit: true }).partial(),
    make: exportApplications,
  }),
  defineOperation({
    operationId: 'getApplication',
    method: 'get',
    path: '/applications/{id}',
    summary: 'One application: all of it for the retailer and the team, its status for the referring partner',
    tag: 'applications',
    access: 'user',
    response: applicationDetail,
    handle: async (ctx, { params }) => presentApplicationDetail(await getApplication(ctx, params.id!)),
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
    handle: async (ctx, { params, body }) =>
      presentApplication(await updateApplication(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'submitApplication',
    method: 'post',
    path: '/applications/{id}/submit',
    summary: 'Submit: eligibility is evaluated on the server, with reasons; a receipt is e-mailed',
    tag: 'applications',
    access: 'user',
    response: application,
    handle: async (ctx, { params }) => presentApplication(await submitApplication(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'withdrawApplication',
    method: 'post',
    path: '/applications/{id}/withdraw',
    summary: 'Withdraw one’s application (retailer)',
    tag: 'applications',
    access: 'user',
    response: application,
    handle: async (ctx, { params }) => presentApplication(await withdrawApplication(ctx, params.id!)),
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
    handle: async (ctx, { params, body }) =>
      presentApplication(await requestHumanReview(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'decideApplication',
    method: 'post',
    path: '/applications/{id}/decision',
    summary: 'Accept, refuse (reason required), waitlist or ask for information (program team)',
    tag: 'applications',
    access: 'user',
    body: decisionInput,
    response: decision,
    handle: async (ctx, { params, body }) => presentDecision(await decideApplication(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'decideApplications',
    method: 'post',
    path: '/applications/decisions',
    summary: 'The same decision on a selection of applications, each in its own transaction (program team)',
    tag: 'applications',
    access: 'user',
    body: bulkDecisionInput,
    response: bulkDecision,
    handle: async (ctx, { body }) => presentBulkDecision(await decideApplicationsInBulk(ctx, body)),
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
    response: importReport,
    handle: async (ctx, { body }) => presentImportReport(await importApplications(ctx, body)),
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
    response: partnerList,
    handle: async (ctx, { query }) => presentPartners(await listPartnerOrganizations(ctx, query)),
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
    response: createdPartner,
    handle: async (ctx, { body }) => presentCreatedPartner(await createPartnerOrganization(ctx, body)),
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
