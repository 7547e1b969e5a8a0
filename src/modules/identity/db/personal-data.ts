import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import { apiTokens, invitations, sessions, users } from './tables.ts';

/** The account's part of a person's copy of their data: the account, its sign-ins and its tokens. */
export const identityPersonalData: PersonalDataSource[] = [
  {
    table: users,
    name: 'users',
    keys: [{ column: users.id, of: 'user' }],
    withheld: { password_hash: 'secret', totp_secret: 'secret', totp_last_step: 'secret' },
  },
  { table: sessions, name: 'sessions', keys: [{ column: sessions.userId, of: 'user' }] },
  {
    table: apiTokens,
    name: 'api_tokens',
    keys: [{ column: apiTokens.userId, of: 'user' }],
    withheld: { token_hash: 'secret' },
  },
  {
    table: invitations,
    name: 'invitations',
    keys: [{ column: invitations.acceptedBy, of: 'user' }],
    withheld: { token_hash: 'secret' },
  },
];
