import { and, asc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { montrealWallClock } from '../../../kernel/format.ts';
import type { Executor, Tx } from '../../../platform/db/client.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import type { ClaimStatus } from '../domain/claim-status.ts';
import type { AgreementTerms, InvoiceLine, KnownFile, KnownInvoice } from '../domain/claims.ts';
import { REVIEW_STEPS } from '../domain/separation-of-duties.ts';
import {
  agreementLines,
  agreements,
  aidRulesVersions,
  claimAttachments,
  claimInvoices,
  claimReviews,
  claims,
} from './tables.ts';

export type ClaimRow = typeof claims.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;
export type InvoiceRow = typeof claimInvoices.$inferSelect;

/** A claim with what access rules need to know of its business. */
export async function findClaim(db: Executor, id: string) {
  const [row] = await db
    .select({
      claim: claims,
      programId: agreements.programId,
      applicantId: applications.applicantId,
      assignedExpertUserId: applications.assignedExpertUserId,
      businessName: applications.legalName,
    })
    .from(claims)
    .innerJoin(agreements, eq(agreements.id, claims.agreementId))
    .innerJoin(applications, eq(applications.id, claims.applicationId))
    .where(eq(claims.id, id));
  return row ?? null;
}

/** Locks a claim's row: its edits, submission and reviews wait for each other. */
export async function lockClaim(tx: Tx, id: string): Promise<ClaimRow | null> {
  const [row] = await tx.select().from(claims).where(eq(claims.id, id)).for('update');
  return row ?? null;
}

/** An agreement with what access rules need to know of its business. */
export async function findAgreement(db: Executor, id: string) {
  const [row] = await db
    .select({
      agreement: agreements,
      applicantId: applications.applicantId,
      assignedExpertUserId: applications.assignedExpertUserId,
    })
    .from(agreements)
    .innerJoin(applications, eq(applications.id, agreements.applicationId))
    .where(eq(agreements.id, id));
  return row ?? null;
}

export async function agreementLinesOf(db: Executor, agreementId: string) {
  return db
    .select()
    .from(agreementLines)
    .where(eq(agreementLines.agreementId, agreementId))
    .orderBy(asc(agreementLines.position));
}

/** What a claim is judged against: the agreement's lines, its rules version, its Montréal days and tax registrations. */
export async function agreementTermsOf(db: Executor, agreement: AgreementRow): Promise<AgreementTerms> {
  const [version] = await db
    .select({ rules: aidRulesVersions.rules })
    .from(aidRulesVersions)
    .where(eq(aidRulesVersions.id, agreement.rulesVersionId));
  const lines = await agreementLinesOf(db, agreement.id);
  const dayOf = (instant: Date | null) => (instant ? montrealWallClock(instant).date : '');
  return {
    rules: version!.rules,
    lines: lines.map((l) => ({ id: l.id, category: l.category, amountCents: l.amountCents })),
    offeredOn: dayOf(agreement.offeredAt ?? agreement.acceptedAt),
    acceptedOn: dayOf(agreement.acceptedAt),
    registration: { gst: agreement.gstRegistered, qst: agreement.qstRegistered },
  };
}

export async function invoicesOf(db: Executor, claimId: string): Promise<InvoiceRow[]> {
  return db
    .select()
    .from(claimInvoices)
    .where(eq(claimInvoices.claimId, claimId))
    .orderBy(claimInvoices.position);
}

export const invoiceLineOf = (row: InvoiceRow): InvoiceLine => ({
  budgetLineId: row.budgetLineId,
  supplierName: row.supplierName,
  invoiceNumber: row.invoiceNumber,
  invoiceDate: row.invoiceDate,
  subtotalCents: row.subtotalCents,
  gstCents: row.gstCents,
  qstCents: row.qstCents,
  gstNumber: row.gstNumber,
  qstNumber: row.qstNumber,
});

export async function attachmentsOf(db: Executor, claimId: string) {
  return db
    .select()
    .from(claimAttachments)
    .where(eq(claimAttachments.claimId, claimId))
    .orderBy(claimAttachments.createdAt, claimAttachments.id);
}

/** Every decision on a claim, oldest first, with the reviewer's name. */
export async function reviewsOf(db: Executor, claimId: string) {
  return (
    db
      .select({
        id: claimReviews.id,
        round: claimReviews.round,
        step: claimReviews.step,
        decision: claimReviews.decision,
        reason: claimReviews.reason,
        fields: claimReviews.fields,
        reviewerId: claimReviews.reviewerId,
        reviewerName: users.name,
        createdAt: claimReviews.createdAt,
      })
      .from(claimReviews)
      .innerJoin(users, eq(users.id, claimReviews.reviewerId))
      .where(eq(claimReviews.claimId, claimId))
      // Within a round the steps come in order (a clock may give two decisions one instant).
      .orderBy(
        claimReviews.round,
        claimReviews.createdAt,
        sql`array_position(${`{${REVIEW_STEPS.join(',')}}`}::text[], ${claimReviews.step})`,
      )
  );
}

/** Claims that no longer count against the agreement: never submitted, or refused. */
const NOT_STANDING: ClaimStatus[] = ['draft', 'refused'];

/**
 * The agreement's other claims that still stand: their invoices (eligible costs per line) and what they
 * claimed, so a new claim is judged on what is left.
 */
export async function standingClaimsOf(db: Executor, agreementId: string, exceptClaimId: string) {
  const others = await db
    .select({ id: claims.id, claimableCents: claims.claimableCents })
    .from(claims)
    .where(
      and(
        eq(claims.agreementId, agreementId),
        ne(claims.id, exceptClaimId),
        notInArray(claims.status, NOT_STANDING),
      ),
    );
  const invoices = others.length
    ? await db
        .select()
        .from(claimInvoices)
        .where(
          inArray(
            claimInvoices.claimId,
            others.map((c) => c.id),
          ),
        )
    : [];
  return { claims: others, invoices };
}

/** Supplier and number folded as the domain compares them (`duplicatesOf`), so the index finds candidates. */
const invoiceNumberKey = sql`upper(regexp_replace(${claimInvoices.invoiceNumber}, '[^A-Za-z0-9]', '', 'g'))`; // claim_invoices_number_key_idx

/** Invoices anywhere with one of these numbers (folded): the candidates `duplicatesOf` compares suppliers of. */
export async function invoicesNumbered(db: Executor, numbers: string[]): Promise<KnownInvoice[]> {
  const keys = [...new Set(numbers.map((n) => n.toUpperCase().replace(/[^A-Z0-9]/g, '')))].filter(Boolean);
  if (keys.length === 0) return [];
  return db
    .select({
      claimId: claimInvoices.claimId,
      supplierName: claimInvoices.supplierName,
      invoiceNumber: claimInvoices.invoiceNumber,
    })
    .from(claimInvoices)
    .where(sql`${invoiceNumberKey} = any(${`{${keys.join(',')}}`}::text[])`);
}

/** Files with one of these hashes attached to any claim. */
export async function filesHashed(db: Executor, hashes: string[]): Promise<KnownFile[]> {
  if (hashes.length === 0) return [];
  return db
    .select({ claimId: claimAttachments.claimId, sha256: claimAttachments.sha256 })
    .from(claimAttachments)
    .where(inArray(claimAttachments.sha256, [...new Set(hashes)]));
}

/** The retailer's address and language, for the e-mails about their claim. */
export async function applicantOf(db: Executor, applicationId: string) {
  const [row] = await db
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(eq(applications.id, applicationId));
  return row ?? null;
}
