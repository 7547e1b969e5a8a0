import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import { workshopRegistrations } from './tables.ts';

/** Workshops' part of a person's copy: their registrations, attendance and satisfaction answers. */
export const workshopsPersonalData: PersonalDataSource[] = [
  {
    table: workshopRegistrations,
    name: 'workshop_registrations',
    keys: [
      { column: workshopRegistrations.applicationId, of: 'application' },
      { column: workshopRegistrations.userId, of: 'user' },
    ],
  },
];
