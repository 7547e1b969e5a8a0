// What other modules may use from coaching.

export { type CoachingOverview, getCoachingOverview } from './use-cases/get-coaching-overview.ts';
