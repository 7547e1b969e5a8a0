import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import { diagnostics } from './tables.ts';

/** The diagnostic's part of a person's copy: each diagnostic of their business with its answers and scores. */
export const diagnosticPersonalData: PersonalDataSource[] = [
  {
    table: diagnostics,
    name: 'diagnostics',
    keys: [{ column: diagnostics.applicationId, of: 'application' }],
  },
];
