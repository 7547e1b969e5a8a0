import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../wiring/schema.ts';
import { PERSONAL_DATA_SOURCES } from './personal-data-sources.ts';

/** Columns that name a person or a business even without a foreign key. */
const NAMED = ['user_id', 'application_id', 'applicant_id', 'actor_id', 'requested_by'];

/**
 * Columns naming a person or business that a copy of one's data leaves out, each with why. A staff
 * member's acts in the course of their duties are outside the Act's divisions on access (P-39.1 s.1:
 * information on a person's performance of duties within an enterprise); their own actions are in
 * their copy anyway, through the audit log.
 */
const DUTY =
  'a staff member acting in their duties (P-39.1 s.1); their actions are in their own audit entries';
const SAME_ROWS = 'the same rows are read by the business they belong to';
const SECRETS_ONLY = 'short-lived secrets only (a hash and its expiry), deleted once used';
const EXCLUDED: Record<string, string> = {
  'agreement_amendments.requested_by': SAME_ROWS,
  'agreement_amendments.decided_by': DUTY,
  'funding_agreements.prepared_by': DUTY,
  'funding_agreements.offered_by': DUTY,
  'funding_agreements.accepted_by': SAME_ROWS,
  'application_events.actor_id': SAME_ROWS,
  'application_claims.claimed_by': SAME_ROWS,
  'conversation_participants.application_id':
    'when the expert and the team read the thread: their duties (P-39.1 s.1); the business gets the messages',
  'applications.assigned_expert_user_id': DUTY,
  'bank_accounts.verified_by': DUTY,
  'registry_payment_overrides.recorded_by': DUTY,
  'bank_accounts.updated_by': SAME_ROWS,
  'claim_attachments.uploaded_by': SAME_ROWS,
  'claim_reviews.reviewer_id': DUTY,
  'funding_claims.created_by': SAME_ROWS,
  'diagnostics.started_by': SAME_ROWS,
  'email_verifications.user_id': SECRETS_ONLY,
  'password_resets.user_id': SECRETS_ONLY,
  'recovery_codes.user_id': SECRETS_ONLY,
  'invitations.invited_by': DUTY,
  'ledger_entries.actor_id': DUTY,
  'payment_batches.created_by': DUTY,
  'payment_batches.approved_by': DUTY,
  'payment_batches.paid_by': DUTY,
  'quarterly_reports.produced_by': DUTY,
  'funding_recoveries.created_by': DUTY,
  'recovery_repayments.recorded_by': DUTY,
  'research_extracts.requested_by': DUTY,
  'research_extracts.decided_by': DUTY,
  'legal_holds.placed_by': DUTY,
  'privacy_incidents.recorded_by': DUTY,
  'privacy_incidents.updated_by': DUTY,
  'privacy_incident_versions.written_by': DUTY,
  'privacy_requests.answered_by': DUTY,
  'retention_periods.updated_by': DUTY,
  'retention_runs.started_by': DUTY,
  'registry_extracts.imported_by': DUTY,
  'registry_cae_naics.updated_by': DUTY,
  'registry_licence_records.recorded_by': DUTY,
  'registry_licence_records.revoked_by': DUTY,
  'disclosure_settings.updated_by': DUTY,
  'signals.resolved_by': DUTY,
  'reporting_cohort_facts.application_id':
    'counts derived from the application, diagnostics and coaching given in the copy (decision 29)',
  'coaching_file_facts.application_id':
    'figures derived from the coaching and diagnostics given in the copy (decision 48)',
};

/** Every `table.column` of the schema that names a person (users.id) or a business (applications.id). */
function columnsNamingSomeone(): string[] {
  const found = new Set<string>();
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const config = getTableConfig(table);
    for (const fk of config.foreignKeys) {
      const reference = fk.reference();
      const target = getTableConfig(reference.foreignTable).name;
      if (target === 'users' || target === 'applications')
        for (const column of reference.columns) found.add(`${config.name}.${column.name}`);
    }
    for (const column of config.columns)
      if (NAMED.includes(column.name)) found.add(`${config.name}.${column.name}`);
  }
  return [...found].sort();
}

const covered = new Set(
  PERSONAL_DATA_SOURCES.flatMap((source) =>
    source.keys.map((key) => `${getTableConfig(source.table).name}.${key.column.name}`),
  ),
);

describe('the copy of a person’s data', () => {
  it('reads every table that names a person or a business, or says why not', () => {
    const missing = columnsNamingSomeone().filter((c) => !covered.has(c) && !(c in EXCLUDED));
    expect(
      missing,
      'add these to a module’s personal data (db/personal-data.ts) or to EXCLUDED with a reason',
    ).toEqual([]);
  });

  it('excludes nothing it reads, and nothing that no longer exists', () => {
    const naming = new Set(columnsNamingSomeone());
    expect(Object.keys(EXCLUDED).filter((c) => covered.has(c) || !naming.has(c))).toEqual([]);
  });

  it('names each file after its table, once, and withholds only columns that exist', () => {
    const names = PERSONAL_DATA_SOURCES.map((s) => s.name);
    expect(names).toEqual(PERSONAL_DATA_SOURCES.map((s) => getTableConfig(s.table).name));
    expect(new Set(names).size).toBe(names.length);
    for (const source of PERSONAL_DATA_SOURCES) {
      const columns = getTableConfig(source.table).columns.map((c) => c.name);
      expect(Object.keys(source.withheld ?? {}).filter((c) => !columns.includes(c))).toEqual([]);
    }
  });
});
