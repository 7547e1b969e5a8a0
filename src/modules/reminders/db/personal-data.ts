import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import { reminderDeliveries, reminderOptOuts } from './tables.ts';

/** The reminders' part of a person's copy: those sent about their businesses, and their choice to stop them. */
export const remindersPersonalData: PersonalDataSource[] = [
  {
    table: reminderDeliveries,
    name: 'reminder_deliveries',
    keys: [{ column: reminderDeliveries.applicationId, of: 'application' }],
  },
  {
    table: reminderOptOuts,
    name: 'reminder_opt_outs',
    keys: [{ column: reminderOptOuts.userId, of: 'user' }],
  },
];
