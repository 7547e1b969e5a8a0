import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../../platform/db/columns.ts';
import { users } from '../../identity/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import { CONSENT_PURPOSES } from '../domain/consents.ts';
import type { Criterion, CriterionResult } from '../domain/eligibility.ts';
import type { RegistryFacts } from '../domain/registry-check.ts';
import { APPLICATION_STATUSES } from '../domain/status.ts';

/** Every version of a program's eligibility criteria; an application keeps the version it was judged by. */
export const criteriaVersions = pgTable(
  'criteria_versions',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('criteria_versions_program_version_key').on(t.programId, t.version)],
);

/** The text a person agrees to, per purpose and version (Law 25: consent is recorded with the text shown). */
export const consentTexts = pgTable(
  'consent_texts',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: CONSENT_PURPOSES }).notNull(),
    version: integer('version').notNull(),
    textFr: text('text_fr').notNull(),
    textEn: text('text_en').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('consent_texts_program_purpose_version_key').on(t.programId, t.purpose, t.version)],
);

/** Commercial development associations, chambers of commerce…: they refer retailers with a code. */
export const partnerOrganizations = pgTable(
  'partner_organizations',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    referralCode: text('referral_code').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('partner_organizations_code_key').on(t.referralCode)],
);

/** Which partner organisation a partner account speaks for. */
export const partnerMembers = pgTable('partner_members', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => partnerOrganizations.id, { onDelete: 'cascade' }),
});

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    applicantId: uuid('applicant_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('draft'),
    /** Where the form was left, to resume there. */
    draftStep: integer('draft_step').notNull().default(1),
    // Business facts.
    legalName: text('legal_name'),
    tradeName: text('trade_name'),
    neq: text('neq'),
    street: text('street'),
    municipalityCode: text('municipality_code'),
    municipalityName: text('municipality_name'),
    region: text('region'),
    postalCode: text('postal_code'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    socialLinks: jsonb('social_links').$type<string[]>().notNull().default([]),
    naics: text('naics'),
    employees: integer('employees'),
    annualRevenueBand: text('annual_revenue_band'),
    foundedYear: integer('founded_year'),
    languagesServed: jsonb('languages_served').$type<string[]>().notNull().default([]),
    onlinePresence: jsonb('online_presence').$type<string[]>().notNull().default([]),
    goals: text('goals'),
    challenges: text('challenges'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    attestedAt: instant('attested_at'),
    referralCode: text('referral_code'),
    partnerOrganizationId: uuid('partner_organization_id').references(() => partnerOrganizations.id, {
      onDelete: 'set null',
    }),
    // Keys for finding possible duplicates, and folded text for search.
    phoneKey: text('phone_key'),
    emailKey: text('email_key'),
    addressKey: text('address_key'),
    searchText: text('search_text').notNull().default(''),
    // The automated eligibility decision, with the criteria version it applied.
    criteriaVersionId: uuid('criteria_version_id').references(() => criteriaVersions.id),
    eligibility: jsonb('eligibility').$type<CriterionResult[]>(),
    eligible: boolean('eligible'),
    neqChecksumWarning: boolean('neq_checksum_warning').notNull().default(false),
    // Life cycle.
    submittedAt: instant('submitted_at'),
    /** The network address it was first submitted from (abuse signals; removed with the identifiers). */
    submittedFrom: text('submitted_from'),
    decidedAt: instant('decided_at'),
    decisionReason: text('decision_reason'),
    infoRequest: text('info_request'),
    waitlistedAt: instant('waitlisted_at'),
    reviewRequestedAt: instant('review_requested_at'),
    importedAt: instant('imported_at'),
    /** The expert currently coaching this business (kept by the experts module; read for access control). */
    assignedExpertUserId: uuid('assigned_expert_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    /** When the coaching file was closed (kept by the coaching module). */
    coachingClosedAt: instant('coaching_closed_at'),
    /** When the retention job (privacy module) removed the business's identifiers, keeping its facts. */
    anonymisedAt: instant('anonymised_at'),
    ...timestamps(),
  },
  (t) => [
    // The review queue, newest first, with or without a status: pages are read off these in order.
    index('applications_submitted_idx')
      .on(t.programId, t.submittedAt, t.id)
      .where(sql`submitted_at is not null`),
    index('applications_queue_idx').on(t.programId, t.status, t.submittedAt, t.id),
    index('applications_region_idx').on(t.programId, t.region, t.submittedAt),
    index('applications_naics_idx').on(t.programId, t.naics, t.submittedAt),
    index('applications_partner_idx').on(t.partnerOrganizationId, t.submittedAt),
    index('applications_eligible_idx').on(t.programId, t.eligible, t.submittedAt),
    index('applications_waitlist_idx').on(t.programId, t.status, t.waitlistedAt),
    index('applications_applicant_idx').on(t.applicantId),
    index('applications_expert_idx').on(t.assignedExpertUserId),
    index('applications_neq_idx').on(t.neq),
    index('applications_email_key_idx').on(t.emailKey),
    index('applications_phone_key_idx').on(t.phoneKey),
    index('applications_address_key_idx').on(t.addressKey),
    index('applications_submitted_from_idx').on(t.submittedFrom, t.submittedAt),
    index('applications_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Consent given or refused, per purpose, with the exact text version and time (Law 25). */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    purpose: text('purpose', { enum: CONSENT_PURPOSES }).notNull(),
    granted: boolean('granted').notNull(),
    consentTextId: uuid('consent_text_id')
      .notNull()
      .references(() => consentTexts.id),
    /** The privacy policy's version in force when the choice was recorded (null: before it was kept). */
    privacyPolicyVersion: text('privacy_policy_version'),
    recordedAt: instant('recorded_at').notNull(),
    /** Insertion order: of two choices recorded in the same millisecond, the later one wins. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  },
  (t) => [index('consents_application_idx').on(t.applicationId, t.purpose, t.recordedAt, t.seq)],
);

export const APPLICATION_EVENT_KINDS = [
  'created',
  'updated',
  'submitted',
  'accepted',
  'refused',
  'waitlisted',
  'info_requested',
  'withdrawn',
  'review_requested',
  'note',
  'imported',
  'reminder_sent',
  'claimed',
] as const;

/** The story of an application: status changes with their reasons, and staff notes (never shown to the retailer). */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: APPLICATION_EVENT_KINDS }).notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    message: text('message'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    occurredAt: instant('occurred_at').notNull(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.occurredAt)],
);

/**
 * Anonymous pre-checks, counted (decision 30): how many were taken per program, Montréal day, region
 * and outcome. Nothing else of a pre-check is kept — no facts, no address, no time of day — so no row
 * can be tied to a person; the funnel's first step is read from here.
 */
export const precheckCounts = pgTable(
  'precheck_counts',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    region: text('region').notNull(),
    eligible: boolean('eligible').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.day, t.region, t.eligible] })],
);

/**
 * Which criterion the anonymous pre-checks failed, counted (decision 42) per program, Montréal day,
 * region and criterion id: like `precheck_counts`, nothing that could be tied to a person.
 */
export const precheckFailures = pgTable(
  'precheck_failures',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    region: text('region').notNull(),
    criterionId: text('criterion_id').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.day, t.region, t.criterionId] })],
);

/**
 * What the Registraire des entreprises said of an application's NEQ when the applicant looked it up
 * (issue 13): kept as it was, never overwritten by what the applicant declares in the form's fields;
 * the team sees both. `facts` is null when the extract did not list the NEQ (flagged, not refused).
 */
export const applicationRegistryChecks = pgTable('application_registry_checks', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id, { onDelete: 'cascade' }),
  neq: text('neq').notNull(),
  extractId: uuid('extract_id'),
  extractDate: date('extract_date', { mode: 'string' }),
  facts: jsonb('facts').$type<RegistryFacts>(),
  checkedAt: instant('checked_at').notNull(),
  /**
   * The establishment (store) the application is for, chosen by the applicant among the registry's:
   * its number in the registry (`NO_SUF_ETAB`), `other` for none of them; null until chosen.
   */
  establishment: text('establishment'),
});

/**
 * Links that let the person behind a paper application open their account for it: sent with the
 * e-mails about the application while it has no account; single-use, expiring, kept as a hash.
 */
export const applicationClaims = pgTable(
  'application_claims',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    /** The address the link was sent to: the account opened is this address's. */
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    /** Replaced by a newer link (only the newest works). */
    revokedAt: instant('revoked_at'),
    claimedAt: instant('claimed_at'),
    claimedBy: uuid('claimed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('application_claims_token_key').on(t.tokenHash),
    index('application_claims_application_idx').on(t.applicationId),
  ],
);
