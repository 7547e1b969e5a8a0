/**
 * The retention schedule (Law 25 s.23: destroy or anonymise once the purpose is achieved), as data: per
 * kind of record, how long it is kept after which event, and what happens then. These are the defaults;
 * the privacy officer may change a period (never below its legal floor), stored as an override.
 */

export const RETENTION_ACTIONS = ['anonymise', 'destroy', 'keep', 'never_stored'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

/** The event a period counts from. */
export const RETENTION_TRIGGERS = [
  'file_closure',
  'refusal',
  'withdrawal',
  'last_activity',
  'agreement_end',
  'expiry',
  'sending',
  'read',
  'account_deletion',
  'unreferenced',
  'extraction',
  'none',
] as const;
export type RetentionTrigger = (typeof RETENTION_TRIGGERS)[number];

/**
 * Who applies the rule: the retention job (these kinds have a handler), the reporting export job (export
 * files after a week), the officer confirming an account's deletion, or nobody (kept / never stored).
 */
export const RETENTION_ENFORCERS = ['retention_job', 'export_job', 'account_deletion', 'none'] as const;
export type RetentionEnforcer = (typeof RETENTION_ENFORCERS)[number];

export type RetentionRule = {
  action: RetentionAction;
  trigger: RetentionTrigger;
  /** Months after the trigger; null when the record is kept, never stored, or removed on request. */
  periodMonths: number | null;
  /** The shortest period allowed (e.g. records the tax or funding rules require for six years). */
  minimumMonths: number;
  enforcedBy: RetentionEnforcer;
};

const job = (action: RetentionAction, trigger: RetentionTrigger, periodMonths: number, minimumMonths = 0) =>
  ({ action, trigger, periodMonths, minimumMonths, enforcedBy: 'retention_job' }) satisfies RetentionRule;
const fixed = (action: RetentionAction, trigger: RetentionTrigger, enforcedBy: RetentionEnforcer) =>
  ({ action, trigger, periodMonths: null, minimumMonths: 0, enforcedBy }) satisfies RetentionRule;

export const RETENTION_DEFAULTS = {
  /** A coached business's file: 7 years after closure, then identifiers removed, facts kept for reports. */
  closed_file: job('anonymise', 'file_closure', 84, 24),
  refused_application: job('anonymise', 'refusal', 24),
  withdrawn_application: job('anonymise', 'withdrawal', 24),
  /** A draft never submitted, counted from its last change. */
  abandoned_draft: job('anonymise', 'last_activity', 12),
  /** Signed agreements, claims and payments: kept as the funding rules require (6 years minimum). */
  funding_records: fixed('keep', 'agreement_end', 'none'),
  /** Invoices and proofs of payment attached to claims, rows and bytes: six years after the agreement ends. */
  claim_files: job('destroy', 'agreement_end', 72, 72),
  /** Bank details: needed to pay, and to trace a returned payment; a year after the agreement ends. */
  bank_details: job('destroy', 'agreement_end', 12, 3),
  /** Files in the store no record holds any more (an attachment removed): erased a month later. */
  unreferenced_files: job('destroy', 'unreferenced', 1, 1),
  /** A retailer's account with no application, not signed in for two years (or never): identifiers removed. */
  unused_accounts: job('anonymise', 'last_activity', 24, 6),
  /** A research extract's rows: erased two years after extraction (the data-use agreement's term); its record stays. */
  research_extracts: job('destroy', 'extraction', 24, 1),
  /** Sessions, password resets, address confirmations and invitations once expired. */
  expired_credentials: job('destroy', 'expiry', 1),
  /** Sent e-mails keep a copy of their body (decision 7); destroyed three months after sending. */
  sent_mail: job('destroy', 'sending', 3),
  /** The log of who read a file: two years, long enough to answer a person's request about it. */
  file_reads: job('destroy', 'read', 24, 12),
  /** Export files (lists, reports, a person's copy of their data) lose their file a week after they are made (their jobs). */
  export_files: fixed('destroy', 'expiry', 'export_job'),
  /** Accounts are deleted when the person asks and the officer confirms (no file in progress). */
  user_accounts: fixed('anonymise', 'account_deletion', 'account_deletion'),
  /** The eligibility pre-check is computed and shown, never stored. */
  precheck: fixed('never_stored', 'none', 'none'),
  /** The audit log, the retention runs and legal holds are the evidence of what was done: kept. */
  audit_log: fixed('keep', 'none', 'none'),
  /**
   * The incident register (kept at least five years after the organisation learned of an incident) and
   * the requests people filed, with their answers: the evidence of how the Act was applied; kept.
   */
  privacy_register: fixed('keep', 'none', 'none'),
  /** Program set-up (programs, questionnaires, criteria, consent texts, envelopes): not personal. */
  program_setup: fixed('keep', 'none', 'none'),
} satisfies Record<string, RetentionRule>;

export type RecordKind = keyof typeof RETENTION_DEFAULTS;
export const RECORD_KINDS = Object.keys(RETENTION_DEFAULTS) as RecordKind[];

export const isRecordKind = (value: string): value is RecordKind => value in RETENTION_DEFAULTS;

/** The schedule in force: the defaults with the officer's periods. */
export function effectiveSchedule(
  overrides: ReadonlyMap<string, number>,
): { kind: RecordKind; rule: RetentionRule; changed: boolean }[] {
  return RECORD_KINDS.map((kind) => {
    const rule: RetentionRule = RETENTION_DEFAULTS[kind];
    const months = overrides.get(kind);
    return months === undefined || rule.periodMonths === null
      ? { kind, rule, changed: false }
      : { kind, rule: { ...rule, periodMonths: months }, changed: months !== rule.periodMonths };
  });
}

/** A period may be changed only where a job applies it; never below its floor. */
export function periodError(kind: RecordKind, months: number): 'not_editable' | 'below_minimum' | null {
  const rule: RetentionRule = RETENTION_DEFAULTS[kind];
  if (rule.periodMonths === null) return 'not_editable';
  return months < rule.minimumMonths ? 'below_minimum' : null;
}

/** The instant before which a trigger makes a record expire: `now` minus the period, in calendar months. */
export function expiryCutoff(now: Date, periodMonths: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - periodMonths);
  return cutoff;
}

/**
 * Which kind of record covers each table holding a person's or a business's data, or why a table is
 * outside the schedule. A test fails when a table with a user or business column is missing here.
 */
export const TABLE_RETENTION: Record<string, RecordKind> = {
  applications: 'closed_file',
  application_events: 'closed_file',
  application_registry_checks: 'closed_file',
  application_claims: 'closed_file',
  conversation_messages: 'closed_file',
  conversation_participants: 'closed_file',
  consents: 'closed_file',
  diagnostics: 'closed_file',
  assignments: 'closed_file',
  coaching_sessions: 'closed_file',
  action_plans: 'closed_file',
  plan_actions: 'closed_file',
  supplier_ratings: 'closed_file',
  closures: 'closed_file',
  reopenings: 'closed_file',
  outcome_surveys: 'closed_file',
  reminder_deliveries: 'closed_file',
  sync_commands: 'closed_file',
  workshop_registrations: 'closed_file',
  funding_agreements: 'funding_records',
  agreement_amendments: 'funding_records',
  funding_claims: 'funding_records',
  claim_invoices: 'funding_records',
  claim_attachments: 'claim_files',
  claim_reviews: 'funding_records',
  bank_accounts: 'bank_details',
  registry_payment_overrides: 'funding_records',
  payment_batches: 'funding_records',
  funding_recoveries: 'funding_records',
  recovery_repayments: 'funding_records',
  ledger_entries: 'funding_records',
  // Abuse signals and the decisions on them are part of the program's control of its funds.
  signals: 'funding_records',
  signal_files: 'funding_records',
  users: 'user_accounts',
  /** Who a message went to and who unsubscribed (CASL's proof): named only by the account, anonymised with it. */
  outreach_recipients: 'user_accounts',
  /** A message and its author (a staff account, anonymised with it). */
  outreach_messages: 'user_accounts',
  api_tokens: 'user_accounts',
  recovery_codes: 'user_accounts',
  experts: 'user_accounts',
  partner_members: 'user_accounts',
  reminder_opt_outs: 'user_accounts',
  sessions: 'expired_credentials',
  password_resets: 'expired_credentials',
  email_verifications: 'expired_credentials',
  invitations: 'expired_credentials',
  mail_outbox: 'sent_mail',
  file_reads: 'file_reads',
  export_jobs: 'export_files',
  data_exports: 'export_files',
  privacy_incidents: 'privacy_register',
  privacy_incident_versions: 'privacy_register',
  privacy_requests: 'privacy_register',
  audit_events: 'audit_log',
  retention_runs: 'audit_log',
  legal_holds: 'audit_log',
  questionnaires: 'program_setup',
  criteria_versions: 'program_setup',
  consent_texts: 'program_setup',
  aid_rules_versions: 'program_setup',
  research_extracts: 'research_extracts',
  research_extract_chunks: 'research_extracts',
  workshops: 'program_setup',
};

/** Tables with a person's or business's column that hold no personal information, and why. */
export const OUTSIDE_RETENTION: Record<string, string> = {
  quarterly_reports: 'aggregates after disclosure control, frozen as sent to the ministry',
  retention_periods: 'the officer’s settings, not about a person',
  disclosure_settings: 'a program’s disclosure rules, not about a person',
  reminder_settings: 'a program’s reminder delays, not about a person',
  registry_extracts:
    'provenance of the registry’s public open data (who imported which file): about a business register, not a person',
  registry_cae_naics: 'the CAE → NAICS correspondence administrators keep, not about a person',
  registry_licence_records:
    'an administrator’s record that the registry’s licence allows republication (who and when, as a duty): not about a person',
  reporting_cohort_facts:
    'the dashboard’s statistical facts about a file (no identifier), kept like the anonymised file, removed with it',
  coaching_file_facts:
    'the dashboard’s facts about a coaching file (dates, scores, counts), kept like the anonymised file, removed with it',
};
