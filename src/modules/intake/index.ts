// What other modules may use from intake.

export {
  coachableApplications,
  filesCoachedBy,
  markCoachingClosed,
  setAssignedExpert,
} from './db/assignment-link.ts';
export { applicationProfile } from './db/queries.ts';
export { ensureIntakeDefaults } from './use-cases/ensure-intake-defaults.ts';
export { getApplication } from './use-cases/get-application.ts';
export { getProgramOverview } from './use-cases/get-program-overview.ts';
export { listApplications } from './use-cases/list-applications.ts';
export { figuresOf, listProgramFigures, type ProgramFigures } from './use-cases/list-program-figures.ts';
export { setUpProgramIntake } from './use-cases/set-up-program-intake.ts';
