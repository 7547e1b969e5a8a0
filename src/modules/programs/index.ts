// What other modules may use from programs.

// For e-mails about a file: whom the retailer may write to.
export { programContactEmail } from './db/program-contact.ts';
export { type LockedProgram, lockProgram, setAutomatedDecisionNotice } from './db/program-locks.ts';
export { DEFAULT_PROGRAM, programQuery } from './domain/default-program.ts';
export { ensureDefaultProgram } from './use-cases/ensure-default-program.ts';
export { getProgram, type Program } from './use-cases/get-program.ts';
export { listPrograms } from './use-cases/list-programs.ts';
export { defaultProgram, selectProgram } from './use-cases/select-program.ts';
