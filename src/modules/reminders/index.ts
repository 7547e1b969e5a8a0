// What other modules may use from the reminders.

// Its part of a person's copy of their data (the privacy module assembles every module's).
export { remindersPersonalData } from './db/personal-data.ts';
// For the demo generator, which drives every module through its use cases.
export { updateReminderSettings } from './use-cases/update-reminder-settings.ts';
