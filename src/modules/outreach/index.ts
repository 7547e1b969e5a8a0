// What other modules may use from outreach.

// Its part of a person's copy of their data (the privacy module assembles every module's).
export { outreachPersonalData } from './db/personal-data.ts';
// For the demo generator, which drives every module through its use cases.
export { sendMessage } from './use-cases/send-message.ts';
