// What other modules may use from workshops.

// For the privacy module's retention job, inside its transaction.
export { anonymiseWorkshopRegistrations } from './db/anonymise-workshops.ts';
// Its part of a person's copy of their data (the privacy module assembles every module's).
export { workshopsPersonalData } from './db/personal-data.ts';
// Training hours: a business's accompaniment (coaching shows them) and the program's figures (reporting).
// For the outreach module: a segment of the program's workshop participants.
// For the reminders module: places held at workshops starting in a window.
export {
  hoursTrained,
  type ParticipantFilter,
  trainingHoursOf,
  type UpcomingRegistration,
  type WorkshopTally,
  workshopAttendanceShare,
  workshopParticipants,
  workshopSatisfaction,
  workshopsStartingBetween,
  workshopTallies,
} from './db/read-models.ts';
// The program's dashboard: attendance and satisfaction per workshop and in total (reporting).
export { attendanceFigures } from './domain/workshops.ts';
// For the demo generator, which drives every module through its use cases.
export { answerSatisfaction } from './use-cases/answer-satisfaction.ts';
export { createWorkshops } from './use-cases/create-workshops.ts';
// For the outreach module's compose page (the workshops a segment may name).
export { listWorkshops } from './use-cases/list-workshops.ts';
export { publishWorkshop } from './use-cases/publish-workshop.ts';
export { recordAttendance } from './use-cases/record-attendance.ts';
export { registerForWorkshop } from './use-cases/register-for-workshop.ts';
