import { and, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { FiscalYear } from '../../../kernel/fiscal-year.ts';
import type { Ctx } from '../../../platform/context.ts';
import { anyOf, insertMany } from '../../../platform/db/bulk.ts';
import type { Executor, Tx } from '../../../platform/db/client.ts';
import { users } from '../../identity/db/tables.ts';
import type { Account, LedgerEntry, Position } from '../domain/ledger.ts';
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

/** A sum of entries of one position and move, as the one entry the domain's fold reads for it. */
type Sum = Position & { from: Account; to: Account; amountCents: number };
const asEntry = (sum: Sum, i: number): LedgerEntry => ({
  id: `sum-${sum.envelopeId}-${i}`,
  kind: 'commit',
  cause: 'correction',
  reverses: null,
  ...sum,
});

/** Entries summed per business, year and move, in SQL. */
const sumsOfEntries = (db: Executor, where: SQL | undefined): Promise<Sum[]> =>
  db
    .select({
      envelopeId: ledgerEntries.envelopeId,
      fiscalYear: ledgerEntries.fiscalYear,
      businessId: ledgerEntries.applicationId,
      from: ledgerEntries.fromAccount,
      to: ledgerEntries.toAccount,
      amountCents: sql<number>`sum(${ledgerEntries.amountCents})::bigint`.mapWith(Number),
    })
    .from(ledgerEntries)
    .where(where)
    .groupBy(
      ledgerEntries.envelopeId,
      ledgerEntries.fiscalYear,
      ledgerEntries.applicationId,
      ledgerEntries.fromAccount,
      ledgerEntries.toAccount,
    );

/** The kept sums of the envelopes (decision 26), for all businesses together (business ''). No years: all. */
async function keptSums(db: Executor, envelopeIds: string[], fiscalYears?: FiscalYear[]): Promise<Sum[]> {
  if (envelopeIds.length === 0 || fiscalYears?.length === 0) return [];
  const rows = await db
    .select()
    .from(ledgerBalances)
    .where(
      and(
        inArray(ledgerBalances.envelopeId, envelopeIds),
        fiscalYears === undefined ? undefined : inArray(ledgerBalances.fiscalYear, fiscalYears),
      ),
    );
  return rows.map((r) => ({
    envelopeId: r.envelopeId,
    fiscalYear: r.fiscalYear,
    businessId: '',
    from: r.fromAccount,
    to: r.toAccount,
    amountCents: r.amountCents,
  }));
}

/**
 * The balances a check needs, read under the envelope-year locks (decision 27), as entries for the
 * domain's fold (`balancesOf`), so the database and the domain agree on what a balance is: the given
 * businesses' own positions in the envelope, all years (for the cap), summed from their entries through
 * the index on application and envelope; and for the given years, the envelope's kept balances less
 * those businesses' share, as one position for every other business (business ''). A business's few
 * entries and a few kept rows, however long the ledger.
 */
export async function ledgerSums(
  db: Executor,
  envelopeId: string,
  scope: { fiscalYears: FiscalYear[]; applicationIds: string[] },
): Promise<LedgerEntry[]> {
  const own = scope.applicationIds.length
    ? await sumsOfEntries(
        db,
        and(
          anyOf(ledgerEntries.applicationId, scope.applicationIds),
          eq(ledgerEntries.envelopeId, envelopeId),
        ),
      )
    : [];
  const moveKey = (sum: Sum) => `${sum.fiscalYear}/${sum.from}/${sum.to}`;
  const others = new Map((await keptSums(db, [envelopeId], scope.fiscalYears)).map((s) => [moveKey(s), s]));
  for (const sum of own) {
    const kept = others.get(moveKey(sum));
    if (kept) kept.amountCents -= sum.amountCents;
  }
  return [...own, ...[...others.values()].filter((s) => s.amountCents !== 0)].map(asEntry);
}

/** Every business's positions in an envelope-year, summed from its entries: what a year end releases. */
export async function positionsInYear(db: Executor, envelopeId: string, fiscalYear: FiscalYear) {
  return (
    await sumsOfEntries(
      db,
      and(eq(ledgerEntries.envelopeId, envelopeId), eq(ledgerEntries.fiscalYear, fiscalYear)),
    )
  ).map(asEntry);
}

/**
 * The envelopes' balances from the kept sums (decision 26), one entry per (year, move) for the domain's
 * fold, for all businesses together: a few rows however long the ledger.
 */
export async function envelopeBalances(
  db: Executor,
  envelopeIds: string[],
  fiscalYears?: FiscalYear[],
): Promise<LedgerEntry[]> {
  return (await keptSums(db, envelopeIds, fiscalYears)).map(asEntry);
}

/**
 * Appends entries (the checks have passed): the database refuses any later change to them. One
 * statement with one parameter however many entries (a 3,000-claim batch), so the balances' trigger
 * runs once and adds one grouped sum per envelope-year and move.
 */
export async function insertEntries(
  tx: Tx,
  ctx: Ctx,
  entries: readonly LedgerEntry[],
  why: { reason: string; source: string | null },
): Promise<void> {
  await insertMany(
    tx,
    ledgerEntries,
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

/**
 * Ledger entries, newest first, one page (`limit + 1` rows, for the next cursor) after `after`: by
 * business, envelope and fiscal year, with who wrote each and its envelope's names.
 */
export async function ledgerRows(
  db: Executor,
  filter: { applicationId?: string; envelopeId?: string; fiscalYear?: FiscalYear },
  after: [string, string] | undefined,
  limit: number,
) {
  const where: SQL[] = [];
  if (filter.applicationId) where.push(eq(ledgerEntries.applicationId, filter.applicationId));
  if (filter.envelopeId) where.push(eq(ledgerEntries.envelopeId, filter.envelopeId));
  if (filter.fiscalYear !== undefined) where.push(eq(ledgerEntries.fiscalYear, filter.fiscalYear));
  if (after) {
    const [at, id] = after;
    where.push(
      or(
        lt(ledgerEntries.createdAt, new Date(at)),
        and(eq(ledgerEntries.createdAt, new Date(at)), lt(ledgerEntries.id, id)),
      )!,
    );
  }
  return db
    .select({
      entry: ledgerEntries,
      actorName: users.name,
      envelopeNameFr: fundingEnvelopes.nameFr,
      envelopeNameEn: fundingEnvelopes.nameEn,
    })
    .from(ledgerEntries)
    .innerJoin(fundingEnvelopes, eq(fundingEnvelopes.id, ledgerEntries.envelopeId))
    .leftJoin(users, eq(users.id, ledgerEntries.actorId))
    .where(and(...where))
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
    .limit(limit + 1);
}

/**
 * One business's ledger summed per envelope, fiscal year and move, one entry each for the domain's fold
 * (`balancesOf`): its balances by state, however many entries it has.
 */
export async function businessLedgerSums(db: Executor, applicationId: string): Promise<LedgerEntry[]> {
  return (await sumsOfEntries(db, eq(ledgerEntries.applicationId, applicationId))).map(asEntry);
}
