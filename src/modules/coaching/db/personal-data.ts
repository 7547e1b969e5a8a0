import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import {
  actionPlans,
  closures,
  coachingSessions,
  outcomeSurveys,
  planActions,
  reopenings,
  supplierRatings,
} from './tables.ts';

/** Coaching's part of a business's copy: sessions, the plan and its actions, closure, surveys, ratings. */
export const coachingPersonalData: PersonalDataSource[] = [
  {
    table: coachingSessions,
    name: 'coaching_sessions',
    keys: [{ column: coachingSessions.applicationId, of: 'application' }],
    withheld: {
      notes: 'working_notes',
    },
  },
  {
    table: actionPlans,
    name: 'action_plans',
    keys: [{ column: actionPlans.applicationId, of: 'application' }],
  },
  {
    table: planActions,
    name: 'plan_actions',
    keys: [{ column: planActions.applicationId, of: 'application' }],
  },
  { table: closures, name: 'closures', keys: [{ column: closures.applicationId, of: 'application' }] },
  { table: reopenings, name: 'reopenings', keys: [{ column: reopenings.applicationId, of: 'application' }] },
  {
    table: outcomeSurveys,
    name: 'outcome_surveys',
    keys: [{ column: outcomeSurveys.applicationId, of: 'application' }],
  },
  {
    table: supplierRatings,
    name: 'supplier_ratings',
    keys: [{ column: supplierRatings.applicationId, of: 'application' }],
  },
];
