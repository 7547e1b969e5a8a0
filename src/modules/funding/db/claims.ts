import { and, asc, eq, gt, inArray, ne, notExists, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { montrealWallClock } from '../../../kernel/format.ts';
import type { Role } from '../../../kernel/roles.ts';
import type { Executor, Tx } from '../../../platform/db/client.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import { type ClaimStatus, EDITABLE_CLAIM_STATUSES } from '../domain/claim-status.ts';
import type { AgreementTerms, InvoiceLine, KnownFile, KnownInvoice } from '../domain/claims.ts';
import { REVIEW_STEPS, type ReviewStep } from '../domain/separation-of-duties.ts';
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
      agreement: agreements,
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
export async function agreementTermsOf(
  db: Executor,
  agreement: AgreementRow,
): Promise<AgreementTerms & { lineRows: Awaited<ReturnType<typeof agreementLinesOf>> }> {
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
    lineRows: lines,
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

const FINANCE_STEPS = REVIEW_STEPS.filter((s) => s !== 'content');

/**
 * One page of claims (limit + 1 rows, oldest first, after the cursor's `[createdAt, id]`) that the
 * caller may see, filtered; `mine` keeps what waits for the caller (see listClaims).
 */
export async function claimRows(
  db: Executor,
  me: { id: string; role: Role },
  query: {
    status?: ClaimStatus;
    programId?: string;
    applicationId?: string;
    agreementId?: string;
    reviewStep?: ReviewStep;
    mine?: 'true' | 'false';
    limit: number;
  },
  after: [string, string] | undefined,
) {
  const where: (SQL | undefined)[] = [];
  if (me.role === 'retailer') where.push(eq(applications.applicantId, me.id));
  else where.push(ne(claims.status, 'draft'));
  if (me.role === 'expert') where.push(eq(applications.assignedExpertUserId, me.id));
  if (query.status) where.push(eq(claims.status, query.status));
  if (query.programId) where.push(eq(agreements.programId, query.programId));
  if (query.applicationId) where.push(eq(claims.applicationId, query.applicationId));
  if (query.agreementId) where.push(eq(claims.agreementId, query.agreementId));
  if (query.reviewStep) where.push(eq(claims.reviewStep, query.reviewStep));
  if (query.mine === 'true') {
    if (me.role === 'retailer') where.push(inArray(claims.status, [...EDITABLE_CLAIM_STATUSES]));
    else {
      where.push(
        me.role === 'finance' ? inArray(claims.reviewStep, FINANCE_STEPS) : eq(claims.reviewStep, 'content'),
        // Not their own work, and no step of it approved by them already (separation of duties).
        ne(claims.createdBy, me.id),
        sql`${agreements.preparedBy} is distinct from ${me.id}`,
        sql`${agreements.offeredBy} is distinct from ${me.id}`,
        notExists(
          db
            .select({ one: sql`1` })
            .from(claimReviews)
            .where(
              and(
                eq(claimReviews.claimId, claims.id),
                eq(claimReviews.reviewerId, me.id),
                eq(claimReviews.decision, 'approved'),
              ),
            ),
        ),
      );
    }
  }
  if (after) {
    const [at, id] = after;
    where.push(
      or(gt(claims.createdAt, new Date(at)), and(eq(claims.createdAt, new Date(at)), gt(claims.id, id))),
    );
  }
  const rows = await db
    .select({
      id: claims.id,
      agreementId: claims.agreementId,
      applicationId: claims.applicationId,
      programId: agreements.programId,
      businessName: applications.legalName,
      number: claims.number,
      status: claims.status,
      reviewStep: claims.reviewStep,
      eligibleCents: claims.eligibleCents,
      claimableCents: claims.claimableCents,
      submittedAt: claims.submittedAt,
      createdAt: claims.createdAt,
    })
    .from(claims)
    .innerJoin(agreements, eq(agreements.id, claims.agreementId))
    .innerJoin(applications, eq(applications.id, claims.applicationId))
    .where(and(...where))
    .orderBy(claims.createdAt, claims.id)
    .limit(query.limit + 1);
  return rows;
}
