import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import {
  applicationClaims,
  applicationEvents,
  applicationRegistryChecks,
  applications,
  consents,
  partnerMembers,
} from './tables.ts';

/**
 * Intake's part of a person's copy: their applications, consent records, files' story, the links sent to
 * claim a paper application, partner membership.
 */
export const intakePersonalData: PersonalDataSource[] = [
  {
    table: applications,
    name: 'applications',
    keys: [{ column: applications.applicantId, of: 'user' }],
    withheld: { phone_key: 'derived', email_key: 'derived', address_key: 'derived', search_text: 'derived' },
  },
  {
    table: consents,
    name: 'consents',
    keys: [
      { column: consents.applicationId, of: 'application' },
      { column: consents.userId, of: 'user' },
    ],
  },
  {
    table: applicationEvents,
    name: 'application_events',
    keys: [{ column: applicationEvents.applicationId, of: 'application' }],
  },
  {
    table: applicationRegistryChecks,
    name: 'application_registry_checks',
    keys: [{ column: applicationRegistryChecks.applicationId, of: 'application' }],
  },
  {
    table: applicationClaims,
    name: 'application_claims',
    keys: [{ column: applicationClaims.applicationId, of: 'application' }],
    withheld: { token_hash: 'secret' },
  },
  { table: partnerMembers, name: 'partner_members', keys: [{ column: partnerMembers.userId, of: 'user' }] },
];

/** The businesses a person applied for: whose rows their copy of their data gathers. */
export async function applicationIdsOf(db: Executor, applicantId: string): Promise<string[]> {
  const rows = await db
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.applicantId, applicantId));
  return rows.map((r) => r.id);
}
