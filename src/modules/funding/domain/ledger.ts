import type { FiscalYear } from '../../../kernel/fiscal-year.ts';
import { fiscalYearLabel } from '../../../kernel/fiscal-year.ts';
import type { Cents } from './money.ts';
import { OK, refuse, type Verdict } from './refusal.ts';

/**
 * The budget ledger: every movement of money is an entry that moves an amount from one account to
 * another (double entry), for one envelope, fiscal year and business. Entries are never edited: a
 * correction is a reversing entry. Every balance is therefore a fold over the entries, and the sum of
 * all accounts of a position is always zero.
 *
 * `envelope` is the envelope's side: money leaves it when committed and returns to it only when a
 * commitment is reversed. The envelope's budget for a year is a setting (audited) outside the ledger;
 * what is left is that budget less the engaged accounts.
 */
export const ACCOUNTS = ['envelope', 'committed', 'payable', 'paid', 'recovered', 'released'] as const;
export type Account = (typeof ACCOUNTS)[number];

/** Money the envelope has given out and not got back: it counts against the budget and the cap. */
export const ENGAGED_ACCOUNTS: readonly Account[] = ['committed', 'payable', 'paid'];

/**
 * Why money moves. commit: an agreement accepted or expert hours booked; approve: a claim approved,
 * now payable; pay: in a batch marked paid; release: an unused commitment freed (closure, expiry,
 * year end); recover: a clawback repaid by the business.
 */
export const MOVES = {
  commit: { from: 'envelope', to: 'committed' },
  approve: { from: 'committed', to: 'payable' },
  pay: { from: 'payable', to: 'paid' },
  release: { from: 'committed', to: 'released' },
  recover: { from: 'paid', to: 'recovered' },
} as const satisfies Record<string, { from: Account; to: Account }>;
export type Move = keyof typeof MOVES;
export type EntryKind = Move | 'reversal';

/** What started an entry, for the reports and the audit (the amounts do not depend on it). */
export type EntryCause =
  | 'agreement'
  | 'coaching'
  | 'amendment'
  | 'claim'
  | 'batch'
  | 'closure'
  | 'expiry'
  | 'year_end'
  | 'carry_over'
  | 'clawback'
  | 'correction';

export type Position = { envelopeId: string; fiscalYear: FiscalYear; businessId: string };

export type LedgerEntry = Position & {
  id: string;
  kind: EntryKind;
  from: Account;
  to: Account;
  /** Always positive: the direction is in `from` and `to`. */
  amountCents: Cents;
  cause: EntryCause;
  /** The entry a reversal cancels. */
  reverses: string | null;
};

export function entryOf(
  move: Move,
  position: Position & { id: string; amountCents: Cents; cause: EntryCause },
): LedgerEntry {
  return { ...position, kind: move, ...MOVES[move], reverses: null };
}

/** The entry that cancels another: the same amount, the other way. */
export function reversalOf(original: LedgerEntry, id: string): LedgerEntry {
  return {
    ...original,
    id,
    kind: 'reversal',
    from: original.to,
    to: original.from,
    cause: 'correction',
    reverses: original.id,
  };
}

export type AccountBalances = Record<Account, Cents>;
export type BalanceRow = Position & AccountBalances;

/**
 * Every position's accounts, and which entries are reversals or reversed (each is reversed at most
 * once). Beside them, the engaged money the hard rule reads, kept per envelope-year and per business in
 * an envelope as the entries are folded, so a check costs the same however many positions there are.
 */
export type Balances = {
  rows: ReadonlyMap<string, BalanceRow>;
  reversed: ReadonlySet<string>;
  reversals: ReadonlySet<string>;
  engagedByEnvelopeYear: ReadonlyMap<string, Cents>;
  engagedByBusiness: ReadonlyMap<string, Cents>;
};
type Folding = {
  rows: Map<string, BalanceRow>;
  reversed: Set<string>;
  reversals: Set<string>;
  engagedByEnvelopeYear: Map<string, Cents>;
  engagedByBusiness: Map<string, Cents>;
};

const positionKey = (p: Position) => JSON.stringify([p.envelopeId, p.fiscalYear, p.businessId]);
const envelopeYearKey = (p: Omit<Position, 'businessId'>) => JSON.stringify([p.envelopeId, p.fiscalYear]);
const businessKey = (p: Omit<Position, 'fiscalYear'>) => JSON.stringify([p.envelopeId, p.businessId]);
const zero = (): AccountBalances => ({
  envelope: 0,
  committed: 0,
  payable: 0,
  paid: 0,
  recovered: 0,
  released: 0,
});
const add = (sums: Map<string, Cents>, key: string, cents: Cents) =>
  sums.set(key, (sums.get(key) ?? 0) + cents);

/** How much an entry changes engaged money: in when it enters an engaged account, out when it leaves one. */
const engagedChange = (entry: LedgerEntry): Cents =>
  (ENGAGED_ACCOUNTS.includes(entry.to) ? entry.amountCents : 0) -
  (ENGAGED_ACCOUNTS.includes(entry.from) ? entry.amountCents : 0);

/** One entry into the balances, in constant time (a new row object: copies made by `withEntries` share the old ones). */
function fold(into: Folding, entry: LedgerEntry) {
  const key = positionKey(entry);
  const row = into.rows.get(key) ?? {
    envelopeId: entry.envelopeId,
    fiscalYear: entry.fiscalYear,
    businessId: entry.businessId,
    ...zero(),
  };
  into.rows.set(key, {
    ...row,
    [entry.from]: row[entry.from] - entry.amountCents,
    [entry.to]: row[entry.to] + entry.amountCents,
  });
  const engaged = engagedChange(entry);
  if (engaged !== 0) {
    add(into.engagedByEnvelopeYear, envelopeYearKey(entry), engaged);
    add(into.engagedByBusiness, businessKey(entry), engaged);
  }
  if (entry.reverses !== null) {
    into.reversed.add(entry.reverses);
    into.reversals.add(entry.id);
  }
}

/** A copy to fold more entries into, leaving the given balances untouched. */
const copyOf = (balances: Balances): Folding => ({
  rows: new Map(balances.rows),
  reversed: new Set(balances.reversed),
  reversals: new Set(balances.reversals),
  engagedByEnvelopeYear: new Map(balances.engagedByEnvelopeYear),
  engagedByBusiness: new Map(balances.engagedByBusiness),
});

const EMPTY: Balances = {
  rows: new Map(),
  reversed: new Set(),
  reversals: new Set(),
  engagedByEnvelopeYear: new Map(),
  engagedByBusiness: new Map(),
};

/** The balances after more entries, leaving the given ones untouched. */
export function withEntries(balances: Balances, entries: Iterable<LedgerEntry>): Balances {
  const state = copyOf(balances);
  for (const entry of entries) fold(state, entry);
  return state;
}

/** The balances of a ledger: a pure fold, so a page, a report and a check all read the same numbers. */
export const balancesOf = (entries: Iterable<LedgerEntry>): Balances => withEntries(EMPTY, entries);

export type Totals = AccountBalances & { engaged: Cents };

/** The accounts summed over every position matching the filter (an envelope-year, a business, …). */
export function totalsOf(balances: Balances, filter: Partial<Position>): Totals {
  const totals = zero();
  for (const row of balances.rows.values()) {
    if (filter.envelopeId !== undefined && row.envelopeId !== filter.envelopeId) continue;
    if (filter.fiscalYear !== undefined && row.fiscalYear !== filter.fiscalYear) continue;
    if (filter.businessId !== undefined && row.businessId !== filter.businessId) continue;
    for (const account of ACCOUNTS) totals[account] += row[account];
  }
  return { ...totals, engaged: ENGAGED_ACCOUNTS.reduce((sum, a) => sum + totals[a], 0) };
}

/** The limits a commitment is checked against: the envelope's budget that year, and the per-business cap (null: none). */
export type Limits = { budgetCents: Cents; capCents: Cents | null };

/**
 * The hard rule (Financial Administration Act s.32, a sufficient unencumbered balance): engaged money
 * never exceeds the envelope's budget for the year, and one business's engaged money in the envelope,
 * all years together, never exceeds the cap. The refusal names the envelope or the cap and what is left.
 */
export function checkCommitment(
  balances: Balances,
  commitment: Position & { amountCents: Cents },
  limits: Limits,
): Verdict {
  const { envelopeId, fiscalYear, businessId, amountCents } = commitment;
  const envelopeLeft =
    limits.budgetCents - (balances.engagedByEnvelopeYear.get(envelopeYearKey(commitment)) ?? 0);
  if (amountCents > envelopeLeft)
    return refuse('funding:errors.envelope_exhausted', {
      envelopeId,
      fiscalYear: fiscalYearLabel(fiscalYear),
      leftCents: Math.max(0, envelopeLeft),
    });
  if (limits.capCents !== null) {
    const capLeft = limits.capCents - (balances.engagedByBusiness.get(businessKey(commitment)) ?? 0);
    if (amountCents > capLeft)
      return refuse('funding:errors.cap_reached', {
        businessId,
        capCents: limits.capCents,
        leftCents: Math.max(0, capLeft),
      });
  }
  return OK;
}

/**
 * Whether an entry may be appended: a positive whole amount; no account but the envelope's goes below
 * zero (nothing is paid that was not payable); a reversal cancels an entry once, and is not itself
 * reversed; and whatever raises engaged money passes `checkCommitment`.
 */
export function checkEntry(balances: Balances, entry: LedgerEntry, limits: Limits): Verdict {
  if (!Number.isSafeInteger(entry.amountCents) || entry.amountCents <= 0)
    return refuse('funding:errors.amount_positive', {}, 'amountCents');
  if (
    entry.reverses !== null &&
    (balances.reversed.has(entry.reverses) || balances.reversals.has(entry.reverses))
  )
    return refuse('funding:errors.already_reversed', { entryId: entry.reverses });
  if (entry.from !== 'envelope') {
    const available = balances.rows.get(positionKey(entry))?.[entry.from] ?? 0;
    if (entry.amountCents > available)
      return refuse('funding:errors.ledger_insufficient', { account: entry.from, leftCents: available });
  }
  return raisesEngaged(entry) ? checkCommitment(balances, entry, limits) : OK;
}

/** Whether an entry engages more of the envelope (a commitment): only then are the budget and the cap checked. */
export function raisesEngaged(entry: Pick<LedgerEntry, 'from' | 'to'>): boolean {
  return ENGAGED_ACCOUNTS.includes(entry.to) && !ENGAGED_ACCOUNTS.includes(entry.from);
}

/**
 * Checks entries meant to be written together (a year end, a batch paid): all pass, each against the
 * balances left by the ones before it, or none is written. Linear: one copy of the balances, each
 * entry folded into it after its check (a 3,000-claim batch is 3,000 constant-time steps).
 */
export function checkEntries(
  balances: Balances,
  entries: readonly LedgerEntry[],
  limitsOf: (envelopeId: string, fiscalYear: FiscalYear) => Limits,
): Verdict {
  const current = copyOf(balances);
  for (const entry of entries) {
    const verdict = checkEntry(current, entry, limitsOf(entry.envelopeId, entry.fiscalYear));
    if (!verdict.ok) return verdict;
    fold(current, entry);
  }
  return OK;
}

/** An administrator may lower an envelope's budget for a year, but never below what is engaged in it. */
export function checkBudgetChange(
  balances: Balances,
  envelopeId: string,
  fiscalYear: FiscalYear,
  budgetCents: Cents,
): Verdict {
  const { engaged } = totalsOf(balances, { envelopeId, fiscalYear });
  return budgetCents >= engaged
    ? OK
    : refuse('funding:errors.budget_below_engaged', { engagedCents: engaged }, 'budgetCents');
}

/**
 * Year end, an explicit action: every commitment still open in the envelope that year is released,
 * and for the businesses listed, committed again in the next year (a carry-over, checked against
 * next year's budget by `checkEntries`). Payables stay in their year: the money was owed by 31 March.
 */
export function yearEndEntries(
  balances: Balances,
  input: { envelopeId: string; fiscalYear: FiscalYear; carryOver: ReadonlySet<string>; newId: () => string },
): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const row of balances.rows.values()) {
    if (row.envelopeId !== input.envelopeId || row.fiscalYear !== input.fiscalYear || row.committed <= 0)
      continue;
    const { envelopeId, fiscalYear, businessId, committed: amountCents } = row;
    entries.push(
      entryOf('release', {
        envelopeId,
        fiscalYear,
        businessId,
        id: input.newId(),
        amountCents,
        cause: 'year_end',
      }),
    );
    if (input.carryOver.has(businessId))
      entries.push(
        entryOf('commit', {
          envelopeId,
          fiscalYear: fiscalYear + 1,
          businessId,
          id: input.newId(),
          amountCents,
          cause: 'carry_over',
        }),
      );
  }
  return entries;
}
