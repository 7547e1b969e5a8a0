import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import { receivedCommands } from './tables.ts';

/** Field mode's part of a copy: the offline changes sent about a business and the expert's own (ids and outcomes, no text). */
export const fieldModePersonalData: PersonalDataSource[] = [
  {
    table: receivedCommands,
    name: 'sync_commands',
    keys: [
      { column: receivedCommands.applicationId, of: 'application' },
      { column: receivedCommands.userId, of: 'user' },
    ],
  },
];
