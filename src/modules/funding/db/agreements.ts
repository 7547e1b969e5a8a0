import { and, asc, desc, eq, inArray, isNotNull, lt, lte, sql, sum } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor, Tx } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { applications } from '../../intake/db/tables.ts';
import { programs } from '../../programs/db/tables.ts';
import type { AgreementStatus } from '../domain/agreement-status.ts';
import type { AgreementLineInput } from '../domain/agreements.ts';
import { balancesOf, totalsOf } from '../domain/ledger.ts';
import { ledgerSums } from './ledger.ts';
import { agreementAmendments, agreementLines, agreements, aidRulesVersions, claims } from './tables.ts';

export type AgreementRow = typeof agreements.$inferSelect;
export type AgreementLineRow = typeof agreementLines.$inferSelect;

export async function findAgreement(db: Executor, id: string): Promise<AgreementRow | undefined> {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  return row;
}

/** Locks the agreement row until `tx` ends: two answers to one offer, or two amendments, go one at a time. */
export async function lockAgreement(tx: Tx, id: string): Promise<AgreementRow | undefined> {
  const [row] = await tx.select().from(agreements).where(eq(agreements.id, id)).for('update');
  return row;
}

export async function linesOf(db: Executor, agreementId: string): Promise<AgreementLineRow[]> {
  return db
    .select()
    .from(agreementLines)
    .where(eq(agreementLines.agreementId, agreementId))
    .orderBy(asc(agreementLines.position));
}

/**
 * Makes the agreement's lines those given, in order: a line given with its id is updated, one without
 * is added, and one left out is deleted (lines are the agreement's content, not a record; the audit
 * keeps the change). Claims refer to lines, so only a draft or an amendment's approval calls this.
 */
export async function replaceLines(
  tx: Tx,
  ctx: Ctx,
  agreementId: string,
  lines: readonly AgreementLineInput[],
): Promise<AgreementLineRow[]> {
  const existing = await linesOf(tx, agreementId);
  const keptIds = new Set(lines.flatMap((l) => (l.id ? [l.id] : [])));
  const removed = existing.filter((l) => !keptIds.has(l.id)).map((l) => l.id);
  if (removed.length > 0) await tx.delete(agreementLines).where(inArray(agreementLines.id, removed));
  for (const [position, line] of lines.entries()) {
    const values = {
      position,
      category: line.category,
      description: line.description,
      amountCents: line.amountCents,
      plannedSupplier: line.plannedSupplier ?? null,
      quotation: line.quotation ?? null,
    };
    if (line.id && existing.some((l) => l.id === line.id))
      await tx
        .update(agreementLines)
        .set({ ...values, updatedAt: ctx.now() })
        .where(eq(agreementLines.id, line.id));
    else await tx.insert(agreementLines).values({ id: newId(), agreementId, ...values });
  }
  return linesOf(tx, agreementId);
}

export async function latestAidRules(db: Executor, programId: string) {
  const [row] = await db
    .select()
    .from(aidRulesVersions)
    .where(eq(aidRulesVersions.programId, programId))
    .orderBy(desc(aidRulesVersions.version))
    .limit(1);
  return row;
}

export async function aidRulesVersionOf(db: Executor, id: string) {
  const [row] = await db.select().from(aidRulesVersions).where(eq(aidRulesVersions.id, id));
  return row!;
}

/**
 * What the program already gives this business from the envelope, all years, apart from this
 * agreement's own commitment: the `previousGrantsCents` of the cap, read from the ledger as the
 * hard rule reads it.
 */
export async function otherGrantsOf(db: Executor, agreement: AgreementRow): Promise<number> {
  const balances = balancesOf(
    await ledgerSums(db, agreement.envelopeId, {
      fiscalYears: [],
      applicationIds: [agreement.applicationId],
    }),
  );
  const engaged = totalsOf(balances, { businessId: agreement.applicationId }).engaged;
  const own = ['accepted', 'amendment_requested'].includes(agreement.status)
    ? (agreement.grantCents ?? 0)
    : 0;
  return Math.max(0, engaged - own);
}

/** Money still committed to the business in the agreement's envelope-year: what closure releases. */
export async function committedLeftOf(db: Executor, agreement: AgreementRow): Promise<number> {
  const balances = balancesOf(
    await ledgerSums(db, agreement.envelopeId, {
      fiscalYears: [],
      applicationIds: [agreement.applicationId],
    }),
  );
  return totalsOf(balances, {
    envelopeId: agreement.envelopeId,
    fiscalYear: agreement.fiscalYear,
    businessId: agreement.applicationId,
  }).committed;
}

const CLAIMED_STATUSES = [
  'submitted',
  'corrections_requested',
  'content_approved',
  'financially_approved',
  'payment_approved',
  'in_batch',
  'paid',
] as const;

/** What the retailer has claimed (submitted, not refused) and been paid on the agreement. */
export async function claimTotalsOf(db: Executor, agreementId: string) {
  const total = async (statuses: readonly (typeof CLAIMED_STATUSES)[number][]) => {
    const [row] = await db
      .select({ cents: sum(claims.claimableCents).mapWith(Number) })
      .from(claims)
      .where(and(eq(claims.agreementId, agreementId), inArray(claims.status, statuses)));
    return row?.cents ?? 0;
  };
  return { claimedCents: await total(CLAIMED_STATUSES), paidCents: await total(['paid']) };
}

export async function amendmentsOf(db: Executor, agreementId: string) {
  return db
    .select()
    .from(agreementAmendments)
    .where(eq(agreementAmendments.agreementId, agreementId))
    .orderBy(desc(agreementAmendments.requestedAt));
}

/** Offers of programs whose intake has closed, locked for the sweep that withdraws them. */
export async function offersOfClosedPrograms(tx: Tx, now: Date) {
  return tx
    .select({ id: agreements.id })
    .from(agreements)
    .innerJoin(programs, eq(programs.id, agreements.programId))
    .where(
      and(
        eq(agreements.status, 'offered'),
        isNotNull(programs.intakeClosesAt),
        lte(programs.intakeClosesAt, now),
      ),
    )
    .for('update', { of: agreements });
}

/** Offers whose last day to accept (`today` is the Montréal day) has passed. */
export async function offersPastDeadline(tx: Tx, today: string) {
  return tx
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.status, 'offered'), lt(agreements.acceptBy, today)))
    .for('update');
}

/** Agreements with their business's name, newest first (a program holds a few thousand at most). */
export async function agreementsMatching(
  db: Executor,
  filter: { applicationId?: string; programId?: string; status?: AgreementStatus; applicantId?: string },
) {
  return db
    .select({
      id: agreements.id,
      programId: agreements.programId,
      applicationId: agreements.applicationId,
      businessName: sql<string>`coalesce(nullif(${applications.tradeName}, ''), ${applications.legalName}, '')`,
      status: agreements.status,
      fiscalYear: agreements.fiscalYear,
      grantCents: agreements.grantCents,
      acceptBy: agreements.acceptBy,
      updatedAt: agreements.updatedAt,
    })
    .from(agreements)
    .innerJoin(applications, eq(applications.id, agreements.applicationId))
    .where(
      and(
        filter.applicationId ? eq(agreements.applicationId, filter.applicationId) : undefined,
        filter.programId ? eq(agreements.programId, filter.programId) : undefined,
        filter.status ? eq(agreements.status, filter.status) : undefined,
        filter.applicantId ? eq(applications.applicantId, filter.applicantId) : undefined,
      ),
    )
    .orderBy(desc(agreements.createdAt))
    .limit(1000);
}
