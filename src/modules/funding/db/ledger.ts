import { and, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { FiscalYear } from '../../../kernel/fiscal-year.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor, Tx } from '../../../platform/db/client.ts';
import type { LedgerEntry } from '../domain/ledger.ts';
import { envelopeBudgets, fundingEnvelopes, ledgerBalances, ledgerEntries } from './tables.ts';

export type Envelope = typeof fundingEnvelopes.$inferSelect;

/** Locks an envelope's budget row for a year: commitments to it wait for each other. Null when no budget is set. */
export async function lockEnvelopeYear(
  tx: Tx,
  envelopeId: string,
  fiscalYear: FiscalYear,
): Promise<{ envelope: Envelope; budgetCents: number | null }> {
  const [envelope] = await tx.select().from(fundingEnvelopes).where(eq(fundingEnvelopes.id, envelopeId));
  if (!envelope) throw new Error(`No envelope ${envelopeId}`);
  const [budget] = await tx
    .select({ amountCents: envelopeBudgets.amountCents })
    .from(envelopeBudgets)
    .where(and(eq(envelopeBudgets.envelopeId, envelopeId), eq(envelopeBudgets.fiscalYear, fiscalYear)))
    .for('update');
  return { envelope, budgetCents: budget?.amountCents ?? null };
}

/**
 * The balances the checks need, summed in SQL: every position of the envelope in the given years, and
 * the given businesses' positions in the envelope, all years (for the cap). Each (position, from, to)
 * sum comes back as one entry for the domain's fold (`balancesOf`), so the database and the domain
 * agree on what a balance is. Only the given businesses get rows of their own: the other businesses of
 * those years are summed together (business ''), so a check reads a few rows however many businesses
 * the envelope pays.
 */
export async function ledgerSums(
  db: Executor,
  envelopeId: string,
  scope: { fiscalYears: FiscalYear[]; applicationIds: string[]; perBusiness?: boolean },
): Promise<LedgerEntry[]> {
  const perBusiness = scope.perBusiness !== false;
  const sums = (business: SQL<string>, where: SQL | undefined, byBusiness: boolean) =>
    db
      .select({
        fiscalYear: ledgerEntries.fiscalYear,
        applicationId: business,
        from: ledgerEntries.fromAccount,
        to: ledgerEntries.toAccount,
        amountCents: sql<number>`sum(${ledgerEntries.amountCents})::bigint`.mapWith(Number),
      })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.envelopeId, envelopeId), where))
      .groupBy(
        ledgerEntries.fiscalYear,
        ...(byBusiness ? [ledgerEntries.applicationId] : []),
        ledgerEntries.fromAccount,
        ledgerEntries.toAccount,
      );
  const anyBusiness = sql<string>`${sql.raw("''")}::text`;
  const inYears = scope.fiscalYears.length ? inArray(ledgerEntries.fiscalYear, scope.fiscalYears) : undefined;
  const rows =
    perBusiness && scope.applicationIds.length
      ? [
          ...(await sums(
            sql`${ledgerEntries.applicationId}`,
            inArray(ledgerEntries.applicationId, scope.applicationIds),
            true,
          )),
          ...(scope.fiscalYears.length
            ? await sums(
                anyBusiness,
                and(inYears, notInArray(ledgerEntries.applicationId, scope.applicationIds)),
                false,
              )
            : []),
        ]
      : await sums(perBusiness ? sql`${ledgerEntries.applicationId}` : anyBusiness, inYears, perBusiness);
  return rows.map((r, i) => ({
    id: `sum-${envelopeId}-${i}`,
    envelopeId,
    fiscalYear: r.fiscalYear,
    businessId: r.applicationId,
    kind: 'commit',
    from: r.from,
    to: r.to,
    amountCents: r.amountCents,
    cause: 'correction',
    reverses: null,
  }));
}

/**
 * The envelopes' balances from the kept sums (decision 26), one entry per (year, move) for the domain's
 * fold, as `ledgerSums` gives them for all businesses together: a few rows however long the ledger.
 */
export async function envelopeBalances(
  db: Executor,
  envelopeIds: string[],
  fiscalYear?: FiscalYear,
): Promise<LedgerEntry[]> {
  if (envelopeIds.length === 0) return [];
  const rows = await db
    .select()
    .from(ledgerBalances)
    .where(
      and(
        inArray(ledgerBalances.envelopeId, envelopeIds),
        fiscalYear === undefined ? undefined : eq(ledgerBalances.fiscalYear, fiscalYear),
      ),
    );
  return rows.map((r, i) => ({
    id: `balance-${i}`,
    envelopeId: r.envelopeId,
    fiscalYear: r.fiscalYear,
    businessId: '',
    kind: 'commit',
    from: r.fromAccount,
    to: r.toAccount,
    amountCents: r.amountCents,
    cause: 'correction',
    reverses: null,
  }));
}

/** Appends entries (the checks have passed): the database refuses any later change to them. */
export async function insertEntries(
  tx: Tx,
  ctx: Ctx,
  entries: readonly LedgerEntry[],
  why: { reason: string; source: string | null },
): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(ledgerEntries).values(
    entries.map((e) => ({
      id: e.id,
      envelopeId: e.envelopeId,
      fiscalYear: e.fiscalYear,
      applicationId: e.businessId,
      kind: e.kind,
      fromAccount: e.from,
      toAccount: e.to,
      amountCents: e.amountCents,
      cause: e.cause,
      reverses: e.reverses,
      reason: why.reason,
      source: why.source,
      actorId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      createdAt: ctx.now(),
    })),
  );
}

export type LedgerRow = typeof ledgerEntries.$inferSelect;

/** A source's entries not yet reversed, oldest first (what a correction cancels). */
export async function openEntriesOf(db: Executor, source: string): Promise<LedgerRow[]> {
  return db
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.source, source),
        sql`${ledgerEntries.reverses} is null`,
        sql`not exists (select 1 from ledger_entries r where r.reverses = ${ledgerEntries.id})`,
      ),
    )
    .orderBy(ledgerEntries.createdAt, ledgerEntries.id);
}

export const toEntry = (row: LedgerRow): LedgerEntry => ({
  id: row.id,
  envelopeId: row.envelopeId,
  fiscalYear: row.fiscalYear,
  businessId: row.applicationId,
  kind: row.kind,
  from: row.fromAccount,
  to: row.toAccount,
  amountCents: row.amountCents,
  cause: row.cause,
  reverses: row.reverses,
});
