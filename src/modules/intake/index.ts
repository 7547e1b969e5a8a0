// What other modules may use from intake.

export {
  coachableApplications,
  filesCoachedBy,
  markCoachingClosed,
  setAssignedExperts,
} from './db/assignment-link.ts';
export { applicationProfile, applicationProfiles } from './db/queries.ts';
export { ensureIntakeDefaults } from './use-cases/ensure-intake-defaults.ts';
export { getApplication } from './use-cases/get-application.ts';
export { getProgramOverview } from './use-cases/get-program-overview.ts';
export { listApplications } from './use-cases/list-applications.ts';
export { listProgramFigures } from './use-cases/list-program-figures.ts';
