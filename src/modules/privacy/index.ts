// What other modules and the wiring use from the privacy module (issue 11: Québec's Law 25 in the
// product). Filled as its use cases arrive; other modules import from here only.
export { deleteAccount } from './use-cases/delete-account.ts';
export { listFileReads } from './use-cases/list-file-reads.ts';
export { listRetentionRuns } from './use-cases/list-retention-runs.ts';
export { runRetention } from './use-cases/run-retention.ts';
export { liftLegalHold, placeLegalHold } from './use-cases/set-legal-hold.ts';
export { startRetentionRun } from './use-cases/start-retention-run.ts';
