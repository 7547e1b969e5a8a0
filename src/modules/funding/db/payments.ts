import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { anyOf } from '../../../platform/db/bulk.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { users } from '../../identity/db/tables.ts';
import { applications } from '../../intake/db/tables.ts';
import {
  agreements,
  bankAccounts,
  claims,
  paymentBatchClaims,
  paymentBatches,
  recoveries,
  recoveryRepayments,
  registryPaymentOverrides,
} from './tables.ts';

export type BankAccountRow = typeof bankAccounts.$inferSelect;
export type PaymentBatchRow = typeof paymentBatches.$inferSelect;

export async function bankAccountOf(
  db: Executor,
  applicationId: string,
): Promise<BankAccountRow | undefined> {
  const [row] = await db.select().from(bankAccounts).where(eq(bankAccounts.applicationId, applicationId));
  return row;
}

/** A claim as a payment needs it: its amount, its business, where the money comes from, its bank details. */
const payableClaim = {
  claimId: claims.id,
  number: claims.number,
  status: claims.status,
  amountCents: sql<number>`coalesce(${claims.claimableCents}, 0)`.mapWith(Number),
  applicationId: claims.applicationId,
  agreementId: claims.agreementId,
  envelopeId: agreements.envelopeId,
  fiscalYear: agreements.fiscalYear,
  legalName: applications.legalName,
  tradeName: applications.tradeName,
  neq: applications.neq,
  applicantId: applications.applicantId,
  holderName: bankAccounts.holderName,
  encrypted: bankAccounts.encrypted,
  accountLastDigits: bankAccounts.accountLastDigits,
  // A flag, not the instant: thousands of rows (a batch) parse much faster without a timestamp each.
  verified: sql<boolean>`${bankAccounts.verifiedAt} is not null`,
};

/** The program's claims approved for payment, oldest approval first: what a new batch may pay. */
export async function paymentApprovedClaims(db: Executor, programId: string, lock = false) {
  const query = db
    .select(payableClaim)
    .from(claims)
    .innerJoin(agreements, eq(agreements.id, claims.agreementId))
    .innerJoin(applications, eq(applications.id, claims.applicationId))
    .leftJoin(bankAccounts, eq(bankAccounts.applicationId, claims.applicationId))
    .where(and(eq(agreements.programId, programId), eq(claims.status, 'payment_approved')))
    .orderBy(asc(claims.updatedAt), asc(claims.id));
  return lock ? query.for('update', { of: claims }) : query;
}

export type PayableClaim = Awaited<ReturnType<typeof paymentApprovedClaims>>[number];

/** A batch's claims still in it, with the amount the batch pays each and whom to tell (the retailer's account). */
export async function claimsOfBatch(db: Executor, batchId: string) {
  return db
    .select({
      ...payableClaim,
      amountCents: paymentBatchClaims.amountCents,
      retailerEmail: users.email,
      retailerName: users.name,
      retailerLocale: users.locale,
    })
    .from(paymentBatchClaims)
    .innerJoin(claims, eq(claims.id, paymentBatchClaims.claimId))
    .innerJoin(agreements, eq(agreements.id, claims.agreementId))
    .innerJoin(applications, eq(applications.id, claims.applicationId))
    .leftJoin(bankAccounts, eq(bankAccounts.applicationId, claims.applicationId))
    .leftJoin(users, eq(users.id, applications.applicantId))
    .where(and(eq(paymentBatchClaims.batchId, batchId), isNull(paymentBatchClaims.removedAt)))
    .orderBy(asc(claims.updatedAt), asc(claims.id));
}

export type BatchClaim = Awaited<ReturnType<typeof claimsOfBatch>>[number];

export async function findBatch(
  db: Executor,
  id: string,
  lock = false,
): Promise<PaymentBatchRow | undefined> {
  const query = db.select().from(paymentBatches).where(eq(paymentBatches.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** Moves claims from one status to another (the batch has checked they are where it expects). */
export async function moveClaims(
  db: Executor,
  ids: string[],
  to: (typeof claims.$inferSelect)['status'],
  now: Date,
) {
  if (ids.length === 0) return;
  await db
    .update(claims)
    .set({
      status: to,
      updatedAt: now,
      version: sql`${claims.version} + 1`,
      ...(to === 'paid' ? { paidAt: now } : {}),
    })
    .where(anyOf(claims.id, ids));
}

export async function recoveriesOf(db: Executor, applicationId: string) {
  const rows = await db
    .select()
    .from(recoveries)
    .where(eq(recoveries.applicationId, applicationId))
    .orderBy(desc(recoveries.createdAt), desc(recoveries.id));
  const repayments =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(recoveryRepayments)
          .where(
            anyOf(
              recoveryRepayments.recoveryId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(recoveryRepayments.receivedOn), asc(recoveryRepayments.createdAt));
  return rows.map((r) => ({ ...r, repayments: repayments.filter((p) => p.recoveryId === r.id) }));
}

/** A business's accepted agreements (what a recovery may be made against), newest first. */
export async function acceptedAgreementsOf(db: Executor, applicationId: string) {
  return db
    .select({ id: agreements.id, fiscalYear: agreements.fiscalYear, grantCents: agreements.grantCents })
    .from(agreements)
    .where(and(eq(agreements.applicationId, applicationId), eq(agreements.status, 'accepted')))
    .orderBy(desc(agreements.createdAt));
}

/** The registry overrides finance recorded for these applications: the NEQ each was recorded under. */
export async function registryOverridesOf(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ applicationId: registryPaymentOverrides.applicationId, neq: registryPaymentOverrides.neq })
    .from(registryPaymentOverrides)
    .where(anyOf(registryPaymentOverrides.applicationId, [...new Set(applicationIds)]));
  return new Map(rows.map((r) => [r.applicationId, r.neq]));
}

/** The registry override recorded for one application, if any. */
export async function registryOverrideOf(db: Executor, applicationId: string) {
  const [row] = await db
    .select()
    .from(registryPaymentOverrides)
    .where(eq(registryPaymentOverrides.applicationId, applicationId));
  return row;
}
