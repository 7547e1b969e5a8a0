// What other modules may use from intake.

// For the privacy module's retention job and account deletion, inside its transaction.
export { anonymiseApplications, applicationsOfApplicant } from './db/anonymise-applications.ts';
export {
  coachableApplications,
  filesCoachedBy,
  markCoachingClosed,
  setAssignedExperts,
} from './db/assignment-link.ts';
// The person's consents (Law 25), for the privacy module's pages and API, and for whoever must honour them.
export { consentIsActive } from './db/consent-ledger.ts';
// Its part of a person's copy of their data (the privacy module assembles every module's).
export { applicationIdsOf, intakePersonalData } from './db/personal-data.ts';
// For reporting: the funnel's first step, counted without keeping anything about the visitor.
export { precheckFailureTotals, precheckTotals } from './db/prechecks.ts';
export { applicationProfile, applicationProfiles, appliedWithNeq, employeeLimits } from './db/queries.ts';
// For the reminders module: the files that wait on their retailer, and the reminder in a file's history.
export { type FileWait, filesWaitingSince, recordReminderSent } from './db/reminder-reads.ts';
// Read models of the program's reports (the reporting module).
export {
  acceptancePace,
  BREAKDOWN_KEYS,
  type BreakdownKey,
  type BreakdownRow,
  businessNames,
  type CohortFilter,
  cohortBreakdown,
  cohortIds,
  type Milestone,
  partnersOf,
} from './db/reporting.ts';
// For reporting: the research extracts' consent filter and the open data's counts.
export { hasActiveConsent, openDataCounts } from './db/reporting-reads.ts';
// For the outreach module: a program's businesses to write to, their consent re-checked before each
// batch, and an unsubscribe recorded as a withdrawal.
export { type MemberFilter, programMembers, stillConsenting } from './db/segments.ts';
export { withdrawConsentOfPerson } from './db/withdraw-consent.ts';
export { CONSENT_PURPOSES, type ConsentPurpose, type ConsentState } from './domain/consents.ts';
// For the demo generator, which drives every module through its use cases.
export { APPLICATION_STATUSES, type ApplicationStatus } from './domain/status.ts';
export { addPartnerMember } from './use-cases/add-partner-member.ts';
export { changeMyConsent, consentChangeInput } from './use-cases/change-my-consent.ts';
export { createApplication } from './use-cases/create-application.ts';
export { createPartnerOrganization } from './use-cases/create-partner-organization.ts';
export { decideApplication } from './use-cases/decide-application.ts';
export { decideApplicationsInBulk } from './use-cases/decide-applications-in-bulk.ts';
export { ensureIntakeDefaults } from './use-cases/ensure-intake-defaults.ts';
export { getApplication } from './use-cases/get-application.ts';
export { getProgramOverview } from './use-cases/get-program-overview.ts';
export { listApplications } from './use-cases/list-applications.ts';
export { listMyApplications } from './use-cases/list-my-applications.ts';
export { type BusinessConsents, listMyConsents } from './use-cases/list-my-consents.ts';
export { figuresOf, listProgramFigures, type ProgramFigures } from './use-cases/list-program-figures.ts';
export { requestHumanReview } from './use-cases/request-human-review.ts';
export { setUpProgramIntake } from './use-cases/set-up-program-intake.ts';
export { submitApplication } from './use-cases/submit-application.ts';
export { withdrawApplication } from './use-cases/withdraw-application.ts';
