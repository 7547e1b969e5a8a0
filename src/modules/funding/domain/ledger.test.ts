import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  balancesOf,
  checkBudgetChange,
  checkCommitment,
  checkEntries,
  checkEntry,
  ENGAGED_ACCOUNTS,
  entryOf,
  type LedgerEntry,
  type Limits,
  type Move,
  reversalOf,
  totalsOf,
  withEntries,
  yearEndEntries,
} from './ledger.ts';

const at = { envelopeId: 'grants', fiscalYear: 2026, businessId: 'b1' };
let counter = 0;
const id = () => `e${++counter}`;
const move = (kind: Move, amountCents: number, position = at): LedgerEntry =>
  entryOf(kind, { ...position, id: id(), amountCents, cause: 'agreement' });

describe('ledger', () => {
  it('derives every balance from the entries, and reverses instead of editing', () => {
    const commit = move('commit', 240_000);
    const entries = [commit, move('approve', 100_000), move('pay', 100_000), move('release', 40_000)];
    const totals = totalsOf(balancesOf(entries), { envelopeId: 'grants', fiscalYear: 2026 });
    expect(totals).toMatchObject({
      committed: 100_000,
      payable: 0,
      paid: 100_000,
      released: 40_000,
      engaged: 200_000,
    });
    expect(totals.envelope).toBe(-240_000);
    const corrected = [...entries, move('recover', 30_000)];
    expect(totalsOf(balancesOf(corrected), {}).engaged).toBe(170_000);
    const reversal = reversalOf(entries[3]!, id());
    expect(reversal).toMatchObject({
      kind: 'reversal',
      from: 'released',
      to: 'committed',
      reverses: entries[3]!.id,
    });
    expect(totalsOf(balancesOf([...entries, reversal]), {}).committed).toBe(140_000);
  });

  it('refuses a commitment beyond the envelope or the cap, naming it and what is left', () => {
    const balances = balancesOf([
      move('commit', 900_000),
      move('commit', 200_000, { ...at, businessId: 'b2' }),
    ]);
    expect(
      checkCommitment(
        balances,
        { ...at, businessId: 'b3', amountCents: 100_000 },
        { budgetCents: 1_000_000, capCents: null },
      ),
    ).toEqual({
      ok: false,
      key: 'funding:errors.envelope_exhausted',
      params: { envelopeId: 'grants', fiscalYear: '2026-2027', leftCents: 0 },
    });
    expect(
      checkCommitment(
        balances,
        { ...at, businessId: 'b3', amountCents: 100_000 },
        { budgetCents: 1_200_000, capCents: null },
      ),
    ).toEqual({ ok: true });
    // The cap counts the business's engaged money in the envelope across years.
    expect(
      checkCommitment(
        balances,
        { ...at, fiscalYear: 2027, amountCents: 100_000 },
        { budgetCents: 5_000_000, capCents: 950_000 },
      ),
    ).toEqual({
      ok: false,
      key: 'funding:errors.cap_reached',
      params: { businessId: 'b1', capCents: 950_000, leftCents: 50_000 },
    });
  });

  it('pays only what is payable, reverses an entry once, and lowers a budget never below what is engaged', () => {
    const commit = move('commit', 100_000);
    const balances = balancesOf([commit]);
    const limits = { budgetCents: 1_000_000, capCents: null };
    expect(checkEntry(balances, move('pay', 1), limits)).toMatchObject({
      ok: false,
      key: 'funding:errors.ledger_insufficient',
    });
    expect(checkEntry(balances, move('approve', 0), limits)).toMatchObject({
      ok: false,
      field: 'amountCents',
    });
    const reversal = reversalOf(commit, id());
    expect(checkEntry(balances, reversal, limits)).toEqual({ ok: true });
    const after = withEntries(balances, [reversal]);
    expect(checkEntry(after, reversalOf(commit, id()), limits)).toMatchObject({
      key: 'funding:errors.already_reversed',
    });
    expect(checkEntry(after, reversalOf(reversal, id()), limits)).toMatchObject({
      key: 'funding:errors.already_reversed',
    });
    expect(checkBudgetChange(balances, 'grants', 2026, 99_999)).toMatchObject({
      ok: false,
      field: 'budgetCents',
    });
    expect(checkBudgetChange(balances, 'grants', 2026, 100_000)).toEqual({ ok: true });
  });

  it('releases open commitments at year end and carries over the chosen ones when next year has room', () => {
    const balances = balancesOf([
      move('commit', 100_000),
      move('commit', 50_000, { ...at, businessId: 'b2' }),
      move('approve', 20_000),
    ]);
    const entries = yearEndEntries(balances, {
      envelopeId: 'grants',
      fiscalYear: 2026,
      carryOver: new Set(['b2']),
      newId: id,
    });
    expect(entries.map((e) => [e.kind, e.businessId, e.fiscalYear, e.amountCents, e.cause])).toEqual([
      ['release', 'b1', 2026, 80_000, 'year_end'],
      ['release', 'b2', 2026, 50_000, 'year_end'],
      ['commit', 'b2', 2027, 50_000, 'carry_over'],
    ]);
    const limits = (_: string, year: number): Limits => ({
      budgetCents: year === 2027 ? 40_000 : 1_000_000,
      capCents: null,
    });
    expect(checkEntries(balances, entries, limits)).toMatchObject({
      ok: false,
      key: 'funding:errors.envelope_exhausted',
    });
    const after = withEntries(balances, entries);
    expect(totalsOf(after, { fiscalYear: 2026 })).toMatchObject({
      committed: 0,
      payable: 20_000,
      released: 130_000,
    });
  });

  it('checks a batch of entries each after the ones before it, leaving the balances it was given untouched', () => {
    // A batch paid: every business has what it is paid as payable; the last one is paid twice.
    const businesses = Array.from({ length: 3_000 }, (_, i) => ({ ...at, businessId: `b${i}` }));
    const balances = balancesOf(
      businesses.flatMap((p) => [move('commit', 1_000, p), move('approve', 1_000, p)]),
    );
    const before = structuredClone(balances);
    const pay = businesses.map((p) => move('pay', 1_000, p));
    const limits = () => ({ budgetCents: 3_000_000, capCents: null });
    expect(checkEntries(balances, pay, limits)).toEqual({ ok: true });
    expect(checkEntries(balances, [...pay, move('pay', 1, businesses.at(-1))], limits)).toMatchObject({
      key: 'funding:errors.ledger_insufficient',
      params: { leftCents: 0 },
    });
    expect(balances).toEqual(before);
  });

  // Generated sequences of operations, each appended only when the checks accept it.
  const ENVELOPES = ['grants', 'coaching'];
  const YEARS = [2026, 2027];
  const BUSINESSES = ['b1', 'b2', 'b3'];
  const positionArb = fc.record({
    envelopeId: fc.constantFrom(...ENVELOPES),
    fiscalYear: fc.constantFrom(...YEARS),
    businessId: fc.constantFrom(...BUSINESSES),
  });
  const operationArb = fc.oneof(
    fc.record({
      op: fc.constantFrom<Move>('commit', 'approve', 'pay', 'release', 'recover'),
      position: positionArb,
      amount: fc.integer({ min: -10, max: 60_000 }),
    }),
    fc.record({ op: fc.constant('reverse' as const), index: fc.nat() }),
    fc.record({ op: fc.constant('year_end' as const), position: positionArb, carry: fc.boolean() }),
  );
  const scenarioArb = fc.record({
    budgets: fc.array(fc.integer({ min: 0, max: 150_000 }), { minLength: 4, maxLength: 4 }),
    cap: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
    operations: fc.array(operationArb, { maxLength: 60 }),
  });

  it('never lets accepted operations overspend an envelope-year or a cap; balances are the sum of entries (property)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ budgets, cap, operations }) => {
        const limitsOf = (envelopeId: string, fiscalYear: number): Limits => ({
          budgetCents: budgets[ENVELOPES.indexOf(envelopeId) * 2 + YEARS.indexOf(fiscalYear)] ?? 0,
          capCents: cap,
        });
        const entries: LedgerEntry[] = [];
        let balances = balancesOf([]);
        for (const operation of operations) {
          let proposed: LedgerEntry[];
          if (operation.op === 'reverse') {
            if (entries.length === 0) continue;
            proposed = [reversalOf(entries[operation.index % entries.length]!, id())];
          } else if (operation.op === 'year_end') {
            const { envelopeId, fiscalYear, businessId } = operation.position;
            proposed = yearEndEntries(balances, {
              envelopeId,
              fiscalYear,
              carryOver: new Set(operation.carry ? [businessId] : []),
              newId: id,
            });
          } else {
            proposed = [move(operation.op, operation.amount, operation.position)];
          }
          if (!checkEntries(balances, proposed, limitsOf).ok) continue;
          entries.push(...proposed);
          balances = withEntries(balances, proposed);

          // The hard rule, everywhere, after every accepted step.
          for (const envelopeId of ENVELOPES) {
            for (const fiscalYear of YEARS)
              expect(totalsOf(balances, { envelopeId, fiscalYear }).engaged).toBeLessThanOrEqual(
                limitsOf(envelopeId, fiscalYear).budgetCents,
              );
            if (cap !== null)
              for (const businessId of BUSINESSES)
                expect(totalsOf(balances, { envelopeId, businessId }).engaged).toBeLessThanOrEqual(cap);
          }
        }
        // The incremental balances (the engaged sums the checks read included) are the fold over all
        // entries, and each account is the plain sum of its entries.
        expect(balancesOf(entries)).toEqual(balances);
        for (const row of balances.rows.values()) {
          const mine = entries.filter(
            (e) =>
              e.envelopeId === row.envelopeId &&
              e.fiscalYear === row.fiscalYear &&
              e.businessId === row.businessId,
          );
          for (const account of ACCOUNTS) {
            const sum = mine.reduce(
              (s, e) => s + (e.to === account ? e.amountCents : 0) - (e.from === account ? e.amountCents : 0),
              0,
            );
            expect(row[account]).toBe(sum);
            if (account !== 'envelope') expect(row[account]).toBeGreaterThanOrEqual(0);
          }
          expect(ACCOUNTS.reduce((s, a) => s + row[a], 0)).toBe(0);
          expect(ENGAGED_ACCOUNTS.reduce((s, a) => s + row[a], 0)).toBe(totalsOf(balances, row).engaged);
        }
      }),
      { numRuns: 300 },
    );
  });
});
