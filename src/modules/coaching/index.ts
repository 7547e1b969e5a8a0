// What other modules may use from coaching.

export { type CoachingOverview, getCoachingOverview } from './use-cases/get-coaching-overview.ts';
export { getFileHistory } from './use-cases/get-file-history.ts';
export { getWorkload } from './use-cases/get-workload.ts';
