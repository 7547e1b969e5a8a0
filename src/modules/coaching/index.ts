// What other modules may use from coaching.

// For the privacy module's retention job, inside its transaction.
export { anonymiseCoaching } from './db/anonymise-coaching.ts';
// Field mode's visit packs and offline changes: records' versions and the values a change may collide with.
export { fileRecordVersions, planActionState, sessionState } from './db/field-states.ts';
// Its part of a person's copy of their data (the privacy module assembles every module's).
export { coachingPersonalData } from './db/personal-data.ts';
// For the reminders module: the sessions and plan actions coming up.
export { actionsDueBetween, sessionsStartingBetween } from './db/reminder-reads.ts';
// Read models of the program's reports (the reporting module).
export {
  ALERT_KINDS,
  type AlertKind,
  type AlertList,
  approvedPlans,
  coachingAlerts,
  type ExpertOutcomeRow,
  expertOutcomes,
  hoursHeld,
  SURVEY_MEASURES,
  type SurveyMeasure,
  type SurveyWave,
  surveyAnswer,
} from './db/reporting.ts';
// For the demo generator, which drives every module through its use cases.
// For the research extracts' data dictionary.
export { type OutcomeAnswers, REVENUE_CHANGES, TOOLS } from './domain/outcomes.ts';
export {
  ACTION_STATUSES,
  isOverdue,
  missingForApproval,
  type PlanAction,
  type PlanContent,
} from './domain/plan.ts';
export { SESSION_MODES, type SessionMode } from './domain/sessions.ts';
export { SUPPLIER_CATEGORIES, type SupplierCategory } from './domain/suppliers.ts';
export { answerSurvey } from './use-cases/answer-survey.ts';
export { closeFile } from './use-cases/close-file.ts';
export { createSupplier } from './use-cases/create-supplier.ts';
export { getCaseload } from './use-cases/get-caseload.ts';
export { type CoachingOverview, getCoachingOverview } from './use-cases/get-coaching-overview.ts';
export { getFileHistory } from './use-cases/get-file-history.ts';
export { getPlan } from './use-cases/get-plan.ts';
export { getWorkload } from './use-cases/get-workload.ts';
export { listSessions } from './use-cases/list-sessions.ts';
export { listSuppliers } from './use-cases/list-suppliers.ts';
export { rateSupplier } from './use-cases/rate-supplier.ts';
export { savePlan } from './use-cases/save-plan.ts';
export { scheduleSession } from './use-cases/schedule-session.ts';
export { updateActionProgress } from './use-cases/update-action-progress.ts';
export { updateSession } from './use-cases/update-session.ts';
