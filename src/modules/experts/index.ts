// What other modules may use from the experts module.
export {
  activeExpertOf,
  assignedSince,
  endActiveAssignment,
  expertContact,
  expertsWithLoad,
  lockExpert,
  restoreClosedAssignment,
} from './db/queries.ts';
