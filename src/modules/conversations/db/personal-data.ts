import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import { conversationMessages, conversationParticipants } from './tables.ts';

/** Conversations' part of a person's copy: their files' threads, and where they stand in each. */
export const conversationsPersonalData: PersonalDataSource[] = [
  {
    table: conversationMessages,
    name: 'conversation_messages',
    keys: [
      { column: conversationMessages.applicationId, of: 'application' },
      { column: conversationMessages.authorId, of: 'user' },
    ],
  },
  {
    table: conversationParticipants,
    name: 'conversation_participants',
    keys: [{ column: conversationParticipants.userId, of: 'user' }],
  },
];
