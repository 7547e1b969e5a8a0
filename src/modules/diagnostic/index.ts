// What other modules may use from the diagnostic.

// Its part of a person's copy of their data (the privacy module assembles every module's).
export { diagnosticPersonalData } from './db/personal-data.ts';
// Field mode's offline changes compare with a diagnostic's answers and version; reminders ask which phases are done.
export { completedPhaseAmong, diagnosticState, weakestDimensionsOf } from './db/queries.ts';
// Read models of the program's reports (the reporting module).
export { completedDiagnostics, type GainSummary, scoreGains } from './db/reporting.ts';
// For the demo generator, which drives every module through its use cases.
export { checkAnswers } from './domain/answers.ts';
export { DEFAULT_QUESTIONNAIRE } from './domain/default-questionnaire.ts';
export { missingAnswers } from './domain/questionnaire.ts';
export { score } from './domain/scoring.ts';
// A questionnaire's API shape, for field mode's visit packs.
export { localisedQuestionnaire } from './presenters/diagnostics.ts';
export { completeDiagnostic } from './use-cases/complete-diagnostic.ts';
export { ensureDiagnosticDefaults } from './use-cases/ensure-diagnostic-defaults.ts';
export { getCurrentQuestionnaire } from './use-cases/get-current-questionnaire.ts';
export { getDiagnostic } from './use-cases/get-diagnostic.ts';
export { listApplicationDiagnostics } from './use-cases/list-application-diagnostics.ts';
export { saveDiagnosticAnswers } from './use-cases/save-diagnostic-answers.ts';
export { setUpProgramDiagnostic } from './use-cases/set-up-program-diagnostic.ts';
export { startDiagnostic } from './use-cases/start-diagnostic.ts';
