import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import { outreachMessages, outreachRecipients } from './tables.ts';

/** Outreach's part of a person's copy: the messages they were sent (and unsubscribed from), those they wrote. */
export const outreachPersonalData: PersonalDataSource[] = [
  {
    table: outreachRecipients,
    name: 'outreach_recipients',
    keys: [
      { column: outreachRecipients.userId, of: 'user' },
      { column: outreachRecipients.applicationId, of: 'application' },
    ],
  },
  {
    table: outreachMessages,
    name: 'outreach_messages',
    keys: [{ column: outreachMessages.createdBy, of: 'user' }],
  },
];
