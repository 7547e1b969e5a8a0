// What other modules may use from the diagnostic.
export { ensureDiagnosticDefaults } from './use-cases/ensure-diagnostic-defaults.ts';
export { listApplicationDiagnostics } from './use-cases/list-application-diagnostics.ts';
