// What other modules may use from the experts module.

// Its part of a person's copy of their data (the privacy module assembles every module's).
export { expertsPersonalData } from './db/personal-data.ts';
export {
  activeExpertOf,
  assignedSince,
  assignmentHistory,
  endActiveAssignment,
  expertContact,
  expertsWithLoad,
  lockExpert,
  restoreClosedAssignment,
} from './db/queries.ts';
// For the demo generator, which drives every module through its use cases.
export { SPECIALTY_IDS, type Specialty } from './domain/specialties.ts';
export { confirmAssignments } from './use-cases/confirm-assignments.ts';
export { createExpert } from './use-cases/create-expert.ts';
export { proposeAssignments } from './use-cases/propose-assignments.ts';
