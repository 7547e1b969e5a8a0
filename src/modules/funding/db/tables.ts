import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
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
import { applications } from '../../intake/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import { AGREEMENT_STATUSES } from '../domain/agreement-status.ts';
import type { AidRules } from '../domain/aid-rules.ts';
import { ATTACHMENT_KINDS } from '../domain/attachments.ts';
import { BATCH_STATUSES } from '../domain/batch-status.ts';
import { ENVELOPE_KINDS } from '../domain/budget.ts';
import { CLAIM_STATUSES } from '../domain/claim-status.ts';
import { COST_CATEGORIES } from '../domain/cost-categories.ts';
import { ACCOUNTS, type EntryCause, type EntryKind } from '../domain/ledger.ts';
import { REVIEW_STEPS } from '../domain/separation-of-duties.ts';

const cents = (name: string) => bigint(name, { mode: 'number' });

/** A program's envelope: what it pays for, and (accompaniment) the experts' hourly rate. */
export const fundingEnvelopes = pgTable(
  'funding_envelopes',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    key: text('key').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ENVELOPE_KINDS }).notNull(),
    hourlyRateCents: cents('hourly_rate_cents'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('funding_envelopes_program_key').on(t.programId, t.key)],
);

/**
 * An envelope's budget for one fiscal year (the year it starts in: 2026 is « 2026-2027 »). This row is
 * also what a commitment locks: commitments to one envelope-year are serialised, others are not held up.
 */
export const envelopeBudgets = pgTable(
  'envelope_budgets',
  {
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => fundingEnvelopes.id),
    fiscalYear: integer('fiscal_year').notNull(),
    amountCents: cents('amount_cents').notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.envelopeId, t.fiscalYear] }),
    check('envelope_budgets_amount_check', sql`amount_cents >= 0`),
  ],
);

/**
 * The ledger (decision 15): one row per `LedgerEntry`, never updated nor deleted (a trigger refuses).
 * The domain's business is the application file, the one record Virage keeps of a business in a program.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey(),
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => fundingEnvelopes.id),
    fiscalYear: integer('fiscal_year').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind').$type<EntryKind>().notNull(),
    fromAccount: text('from_account', { enum: ACCOUNTS }).notNull(),
    toAccount: text('to_account', { enum: ACCOUNTS }).notNull(),
    amountCents: cents('amount_cents').notNull(),
    cause: text('cause').$type<EntryCause>().notNull(),
    reverses: uuid('reverses').references((): AnyPgColumn => ledgerEntries.id),
    /** Why, in words, and what caused it (`session:<id>`): a later correction finds its entry by source. */
    reason: text('reason').notNull(),
    source: text('source'),
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    check('ledger_entries_amount_check', sql`amount_cents > 0`),
    uniqueIndex('ledger_entries_reverses_key').on(t.reverses),
    index('ledger_entries_envelope_year_idx').on(t.envelopeId, t.fiscalYear),
    index('ledger_entries_application_idx').on(t.applicationId, t.envelopeId),
    index('ledger_entries_source_idx').on(t.source),
  ],
);

/**
 * The ledger's sums per envelope, fiscal year and move (decision 26): what the budget page reads instead
 * of summing millions of entries. Kept by a trigger on `ledger_entries` in the transaction that appends
 * them, so it never disagrees with the ledger, which stays the source of truth.
 */
export const ledgerBalances = pgTable(
  'ledger_balances',
  {
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => fundingEnvelopes.id),
    fiscalYear: integer('fiscal_year').notNull(),
    fromAccount: text('from_account', { enum: ACCOUNTS }).notNull(),
    toAccount: text('to_account', { enum: ACCOUNTS }).notNull(),
    amountCents: cents('amount_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.envelopeId, t.fiscalYear, t.fromAccount, t.toAccount] })],
);

/** A program's aid rules, versioned: an agreement keeps the version it was made under. */
export const aidRulesVersions = pgTable(
  'aid_rules_versions',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    version: integer('version').notNull(),
    rules: jsonb('rules').$type<AidRules>().notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('aid_rules_versions_program_version').on(t.programId, t.version)],
);

/** A day in the Montréal calendar (deadlines, invoice dates), kept as `YYYY-MM-DD`. */
const day = (name: string) => date(name, { mode: 'string' });

/**
 * A grant agreement with one business, drawing on one envelope-year, made under one rules version
 * (kept: a later change of the rules never moves it). Only `accepted` commits money (the ledger's
 * source is `agreement:<id>`). `version` guards concurrent edits (a stale form answers 409).
 */
export const agreements = pgTable(
  'funding_agreements',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => fundingEnvelopes.id),
    fiscalYear: integer('fiscal_year').notNull(),
    rulesVersionId: uuid('rules_version_id')
      .notNull()
      .references(() => aidRulesVersions.id),
    status: text('status', { enum: AGREEMENT_STATUSES }).notNull().default('draft'),
    /** Other public aid the retailer declared for the same costs (stacking rule). */
    otherPublicAidCents: cents('other_public_aid_cents').notNull().default(0),
    /** The retailer's GST and QST registrations: registered, it recovers those taxes (tax policy). */
    gstRegistered: boolean('gst_registered').notNull().default(false),
    qstRegistered: boolean('qst_registered').notNull().default(false),
    /** The grant as computed when offered (the letter shows it, with its arithmetic). */
    grantCents: cents('grant_cents'),
    eligibleCents: cents('eligible_cents'),
    preparedBy: uuid('prepared_by').references(() => users.id),
    offeredAt: instant('offered_at'),
    offeredBy: uuid('offered_by').references(() => users.id),
    acceptBy: day('accept_by'),
    /** The click-through signature: who, the name they typed, the attestation's text version, when, from where. */
    acceptedAt: instant('accepted_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    acceptedName: text('accepted_name'),
    acceptedAttestation: text('accepted_attestation'),
    acceptedAddress: text('accepted_address'),
    declinedAt: instant('declined_at'),
    /** Why it was declined, withdrawn, expired or closed, in words. */
    endReason: text('end_reason'),
    closedAt: instant('closed_at'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('funding_agreements_application_idx').on(t.applicationId),
    index('funding_agreements_program_status_idx').on(t.programId, t.status),
  ],
);

/** An agreement's budget line: the approved (eligible) amount for one kind of cost. */
export const agreementLines = pgTable(
  'agreement_lines',
  {
    id: uuid('id').primaryKey(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    position: integer('position').notNull(),
    category: text('category', { enum: COST_CATEGORIES }).notNull(),
    description: text('description').notNull(),
    amountCents: cents('amount_cents').notNull(),
    plannedSupplier: text('planned_supplier'),
    quotation: text('quotation'),
    ...timestamps(),
  },
  (t) => [
    index('agreement_lines_agreement_idx').on(t.agreementId, t.position),
    check('agreement_lines_amount_check', sql`amount_cents >= 0`),
  ],
);

/** A change the retailer asks for on an accepted agreement (the proposed lines), decided by the team. */
export const agreementAmendments = pgTable(
  'agreement_amendments',
  {
    id: uuid('id').primaryKey(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    proposedLines: jsonb('proposed_lines')
      .$type<{ id: string | null; category: string; description: string; amountCents: number }[]>()
      .notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: instant('requested_at').notNull(),
    decision: text('decision', { enum: ['approved', 'refused'] }),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: instant('decided_at'),
  },
  (t) => [index('agreement_amendments_agreement_idx').on(t.agreementId)],
);

/**
 * A claim against an agreement. Its amounts are computed by the domain when it is submitted
 * (eligible costs under the agreement's tax policy; claimable under its rate, cap and stacking).
 */
export const claims = pgTable(
  'funding_claims',
  {
    id: uuid('id').primaryKey(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    /** 1, 2, … within its agreement: « demande de versement no 2 ». */
    number: integer('number').notNull(),
    status: text('status', { enum: CLAIM_STATUSES }).notNull().default('draft'),
    eligibleCents: cents('eligible_cents'),
    claimableCents: cents('claimable_cents'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    submittedAt: instant('submitted_at'),
    /** The team's request for corrections: which fields and why (`lines.0.invoiceDate`). */
    corrections: jsonb('corrections').$type<{ field: string; message: string }[]>(),
    paidAt: instant('paid_at'),
    /** How many times it was submitted: each submission starts a new round of reviews. */
    round: integer('round').notNull().default(0),
    /** The review step due now (null: none), kept so the queue filters on it with an index. */
    reviewStep: text('review_step', { enum: REVIEW_STEPS }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('funding_claims_agreement_number').on(t.agreementId, t.number),
    index('funding_claims_status_idx').on(t.status),
    index('funding_claims_review_step_idx').on(t.reviewStep),
    index('funding_claims_application_idx').on(t.applicationId),
  ],
);

/** One invoice of a claim, as the retailer entered it (domain `InvoiceLine`). */
export const claimInvoices = pgTable(
  'claim_invoices',
  {
    id: uuid('id').primaryKey(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id),
    position: integer('position').notNull(),
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => agreementLines.id),
    supplierName: text('supplier_name').notNull(),
    invoiceNumber: text('invoice_number').notNull(),
    invoiceDate: day('invoice_date').notNull(),
    subtotalCents: cents('subtotal_cents').notNull(),
    gstCents: cents('gst_cents').notNull(),
    qstCents: cents('qst_cents').notNull(),
    gstNumber: text('gst_number'),
    qstNumber: text('qst_number'),
  },
  (t) => [
    index('claim_invoices_claim_idx').on(t.claimId, t.position),
    index('claim_invoices_invoice_number_idx').on(t.invoiceNumber),
    // The number as duplicates are looked for: « F-00123 » and « f 00123 » are one invoice.
    index('claim_invoices_number_key_idx').on(
      sql`upper(regexp_replace(invoice_number, '[^A-Za-z0-9]', '', 'g'))`,
    ),
  ],
);

/**
 * A file attached to a claim (an invoice or a proof of payment). The bytes live in the file store,
 * outside the web root, under their SHA-256; the hash also finds the same file attached anywhere.
 */
export const claimAttachments = pgTable(
  'claim_attachments',
  {
    id: uuid('id').primaryKey(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id),
    invoiceId: uuid('invoice_id').references(() => claimInvoices.id),
    kind: text('kind', { enum: ATTACHMENT_KINDS }).notNull(),
    sha256: text('sha256').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    fileName: text('file_name').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('claim_attachments_claim_idx').on(t.claimId),
    index('claim_attachments_sha256_idx').on(t.sha256),
  ],
);

/** Every decision on a claim: an approval of one step, a request for corrections, a refusal; who, when, why. */
export const claimReviews = pgTable(
  'claim_reviews',
  {
    id: uuid('id').primaryKey(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id),
    step: text('step', { enum: REVIEW_STEPS }).notNull(),
    /** The claim's submission round it decides (approvals of an earlier round no longer count). */
    round: integer('round').notNull().default(1),
    /** Corrections asked for: the fields named and why. */
    fields: jsonb('fields').$type<{ field: string; message: string }[]>(),
    decision: text('decision', { enum: ['approved', 'corrections_requested', 'refused'] }).notNull(),
    reason: text('reason').notNull().default(''),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('claim_reviews_claim_idx').on(t.claimId, t.createdAt)],
);

/**
 * A business's bank account for payments, entered by the retailer: the numbers are encrypted at rest
 * (AES-256-GCM, key from the environment); the last digits are kept apart to show it masked.
 */
export const bankAccounts = pgTable(
  'bank_accounts',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id),
    holderName: text('holder_name').notNull(),
    encrypted: text('encrypted').notNull(),
    accountLastDigits: text('account_last_digits').notNull(),
    /** A keyed hash of the numbers, to find the same account on two businesses (abuse signals). */
    matchKey: text('match_key'),
    /** A finance officer checked it (e.g. against a void cheque); a change clears it. */
    verifiedBy: uuid('verified_by').references(() => users.id),
    verifiedAt: instant('verified_at'),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    ...timestamps(),
  },
  (t) => [index('bank_accounts_match_key_idx').on(t.matchKey)],
);

/**
 * Finance's decision to pay a business the registry shows struck off or bankrupt (issue 13): recorded
 * with its reason for the application and the NEQ it was looked at under; payment batches include its
 * claims again. A change of NEQ voids it (the override was for that business).
 */
export const registryPaymentOverrides = pgTable('registry_payment_overrides', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  neq: text('neq').notNull(),
  reason: text('reason').notNull(),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedAt: instant('recorded_at').notNull(),
});

/** A payment batch: built by one finance officer, approved by another, exported, marked paid. */
export const paymentBatches = pgTable(
  'payment_batches',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    status: text('status', { enum: BATCH_STATUSES }).notNull().default('draft'),
    totalCents: cents('total_cents').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: instant('approved_at'),
    exportedAt: instant('exported_at'),
    paidBy: uuid('paid_by').references(() => users.id),
    paidAt: instant('paid_at'),
    bankReference: text('bank_reference'),
    ...timestamps(),
  },
  (t) => [index('payment_batches_program_idx').on(t.programId, t.status)],
);

/** A claim in a batch, with the amount paid. A claim taken out of a draft batch keeps its row (`removedAt`). */
export const paymentBatchClaims = pgTable(
  'payment_batch_claims',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => paymentBatches.id),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id),
    amountCents: cents('amount_cents').notNull(),
    removedAt: instant('removed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.claimId] }),
    uniqueIndex('payment_batch_claims_active_claim').on(t.claimId).where(sql`removed_at is null`),
  ],
);

/** A receivable against a business (an ineligible cost found later, double funding), and what was repaid. */
export const recoveries = pgTable(
  'funding_recoveries',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    agreementId: uuid('agreement_id').references(() => agreements.id),
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => fundingEnvelopes.id),
    fiscalYear: integer('fiscal_year').notNull(),
    amountCents: cents('amount_cents').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('funding_recoveries_application_idx').on(t.applicationId),
    check('funding_recoveries_amount_check', sql`amount_cents > 0`),
  ],
);

export const recoveryRepayments = pgTable('recovery_repayments', {
  id: uuid('id').primaryKey(),
  recoveryId: uuid('recovery_id')
    .notNull()
    .references(() => recoveries.id),
  amountCents: cents('amount_cents').notNull(),
  receivedOn: day('received_on').notNull(),
  reference: text('reference').notNull(),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  createdAt: instant('created_at').notNull(),
});
