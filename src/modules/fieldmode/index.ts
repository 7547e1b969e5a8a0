// What other modules may use from field mode.

// Its part of a person's copy of their data (the privacy module assembles every module's).
export { fieldModePersonalData } from './db/personal-data.ts';
