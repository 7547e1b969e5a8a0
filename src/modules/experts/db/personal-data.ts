import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import { assignments, experts } from './tables.ts';

/** The experts module's part of a person's copy: an expert's own profile; a business's assignments. */
export const expertsPersonalData: PersonalDataSource[] = [
  { table: experts, name: 'experts', keys: [{ column: experts.userId, of: 'user' }] },
  {
    table: assignments,
    name: 'assignments',
    keys: [{ column: assignments.applicationId, of: 'application' }],
  },
];
