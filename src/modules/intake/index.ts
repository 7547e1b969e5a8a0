// What other modules may use from intake.

export {
  coachableApplications,
  filesCoachedBy,
  markCoachingClosed,
  setAssignedExperts,
} from './db/assignment-link.ts';
export { applicationProfile, applicationProfiles } from './db/queries.ts';
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
// For the demo generator, which drives every module through its use cases.
export { APPLICATION_STATUSES, type ApplicationStatus } from './domain/status.ts';
export { addPartnerMember } from './use-cases/add-partner-member.ts';
export { createApplication } from './use-cases/create-application.ts';
export { createPartnerOrganization } from './use-cases/create-partner-organization.ts';
export { decideApplication } from './use-cases/decide-application.ts';
export { decideApplicationsInBulk } from './use-cases/decide-applications-in-bulk.ts';
export { ensureIntakeDefaults } from './use-cases/ensure-intake-defaults.ts';
export { getApplication } from './use-cases/get-application.ts';
export { getProgramOverview } from './use-cases/get-program-overview.ts';
export { listApplications } from './use-cases/list-applications.ts';
export { listMyApplications } from './use-cases/list-my-applications.ts';
export { figuresOf, listProgramFigures, type ProgramFigures } from './use-cases/list-program-figures.ts';
export { requestHumanReview } from './use-cases/request-human-review.ts';
export { setUpProgramIntake } from './use-cases/set-up-program-intake.ts';
export { submitApplication } from './use-cases/submit-application.ts';
export { withdrawApplication } from './use-cases/withdraw-application.ts';
