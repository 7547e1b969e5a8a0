import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import { workshopRegistrations, workshops } from './tables.ts';

/**
 * Workshops' part of a person's copy: their registrations, attendance and satisfaction answers; for
 * a facilitator, the workshops they lead.
 */
export const workshopsPersonalData: PersonalDataSource[] = [
  {
    table: workshopRegistrations,
    name: 'workshop_registrations',
    keys: [
      { column: workshopRegistrations.applicationId, of: 'application' },
      { column: workshopRegistrations.userId, of: 'user' },
    ],
  },
  { table: workshops, name: 'workshops', keys: [{ column: workshops.facilitatorUserId, of: 'user' }] },
];
