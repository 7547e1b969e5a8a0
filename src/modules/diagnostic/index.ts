// What other modules may use from the diagnostic.

export { weakestDimensionsOf } from './db/queries.ts';
export { ensureDiagnosticDefaults } from './use-cases/ensure-diagnostic-defaults.ts';
export { getCurrentQuestionnaire } from './use-cases/get-current-questionnaire.ts';
export { getDiagnostic } from './use-cases/get-diagnostic.ts';
export { listApplicationDiagnostics } from './use-cases/list-application-diagnostics.ts';
export { setUpProgramDiagnostic } from './use-cases/set-up-program-diagnostic.ts';
