// What other modules may use from the experts module.
export {
  activeExpertOf,
  assignedSince,
  endActiveAssignment,
  expertContact,
  expertsWithLoad,
  lockExpert,
} from './db/queries.ts';
