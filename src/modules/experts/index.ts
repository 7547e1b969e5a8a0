// What other modules may use from the experts module.
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
