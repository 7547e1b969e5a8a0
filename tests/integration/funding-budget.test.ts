import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerSums, toEntry } from '../../src/modules/funding/db/ledger.ts';
import { aidRulesVersions, ledgerBalances, ledgerEntries } from '../../src/modules/funding/db/tables.ts';
import { DEFAULT_AID_RULES } from '../../src/modules/funding/domain/default-aid-rules.ts';
import { balancesOf, totalsOf } from '../../src/modules/funding/domain/ledger.ts';
import { commitFunds, type FundsInput, releaseFunds } from '../../src/modules/funding/index.ts';
import * as budgetPage from '../../src/modules/funding/ui/budget.tsx';
import { auditEvents } from '../../src/platform/audit/table.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { openDatabase } from '../../src/platform/db/client.ts';
import { type AppError, isAppError } from '../../src/platform/errors.ts';
import { newId } from '../../src/platform/ids.ts';
import { coachedBy, expert } from '../support/coaching.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId } from '../support/intake.ts';
import { load, send, thrown } from '../support/pages.ts';

let h: Harness;
let programId: string;
let admin: string;
let coordinator: string;
let finance: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  admin = await h.token((await h.user('admin')).email);
  coordinator = await h.token((await h.user('coordinator')).email);
  finance = await h.token((await h.user('finance')).email);
});
afterAll(() => h?.close());

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

type Envelope = { key: string; kind?: string; hourlyRateCents?: number; budgets: [string, number][] };
/** Sets envelopes (others stay as they are) and returns the budget answer. */
async function setBudget(envelopes: Envelope[], token = admin) {
  return json(
    await h.request(`/api/v1/programs/${programId}/budget`, {
      method: 'PUT',
      token,
      json: {
        envelopes: envelopes.map((e) => ({
          key: e.key,
          nameFr: `Enveloppe ${e.key}`,
          nameEn: `Envelope ${e.key}`,
          kind: e.kind ?? 'grants',
          ...(e.hourlyRateCents ? { hourlyRateCents: e.hourlyRateCents } : {}),
          budgets: e.budgets.map(([fiscalYear, amountCents]) => ({ fiscalYear, amountCents })),
        })),
      },
    }),
  );
}
const envelopeOf = (budget: { envelopes: { key: string; id: string }[] }, key: string) =>
  budget.envelopes.find((e) => e.key === key)!;

/** Runs commitFunds (or releaseFunds) in its own transaction, as another module's use case would. */
const commit = (input: Omit<FundsInput, 'reason' | 'source'> & { source?: string }, ctx: Ctx = h.system) =>
  ctx.db.transaction((tx) =>
    commitFunds(tx, ctx, { reason: 'test', source: input.source ?? `test:${newId()}`, ...input }),
  );
const refusalOf = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};
type Failure = {
  data: {
    error: { status: number; detail: string; errors: { path: string; message: string }[] };
    values: Record<string, string>;
  };
};
/** A page form's failure (what the page renders again, with the values kept). */
const failureOf = (answer: unknown) => (answer as Failure).data;
const detailOf = (error: AppError, ctx: Ctx = h.system) =>
  nbsp(String(ctx.t(error.key, error.params as never)));

describe(`funding budget (${engine})`, () => {
  it('sets envelopes and budgets per fiscal year, audited, and reads them back by role', async () => {
    const set = await setBudget([
      {
        key: 'grants-a',
        budgets: [
          ['2026-2027', 1_000_000],
          ['2027-2028', 500_000],
        ],
      },
    ]);
    expect(set.status).toBe(200);
    const envelope = envelopeOf(set.body, 'grants-a');
    expect(envelope).toMatchObject({ kind: 'grants', name: 'Enveloppe grants-a' });
    expect((envelope as unknown as { years: unknown[] }).years).toEqual([
      expect.objectContaining({ fiscalYear: '2026-2027', budgetCents: 1_000_000, availableCents: 1_000_000 }),
      expect.objectContaining({ fiscalYear: '2027-2028', budgetCents: 500_000, committedCents: 0 }),
    ]);
    const audit = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'budget.set'), eq(auditEvents.entityId, programId)));
    expect(audit.length).toBeGreaterThan(0);

    for (const token of [finance, coordinator, await h.token((await h.user('ministry')).email)]) {
      const read = await h.request(`/api/v1/programs/${programId}/budget?fiscalYear=2027-2028`, { token });
      expect(read.status).toBe(200);
      expect(envelopeOf(await read.json(), 'grants-a')).toMatchObject({
        years: [expect.objectContaining({ fiscalYear: '2027-2028' })],
      });
    }
    // Finance reads but does not set budgets.
    expect((await setBudget([{ key: 'grants-a', budgets: [] }], finance)).status).toBe(403);

    const bad = await setBudget([{ key: 'grants-a', budgets: [['2026-2028', 1]] }]);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ path: 'envelopes.0.budgets.0.fiscalYear' });
    const noRate = await setBudget([{ key: 'hours-x', kind: 'accompaniment', budgets: [] }]);
    expect(noRate.status).toBe(422);
    expect(noRate.body.errors[0].path).toBe('envelopes.0.hourlyRateCents');
  });

  it('commits until the envelope is exhausted, then answers 409 naming the envelope and what is left', async () => {
    const { body } = await setBudget([{ key: 'grants-b', budgets: [['2026-2027', 100_000]] }]);
    const envelopeId = envelopeOf(body, 'grants-b').id;
    const app = await acceptedApplication(h, programId, coordinator);
    await commit({ envelopeId, fiscalYear: 2026, applicationId: app.id, amountCents: 60_000 });
    const refused = await refusalOf(
      commit({ envelopeId, fiscalYear: 2026, applicationId: app.id, amountCents: 50_000 }),
    );
    expect(refused.status).toBe(409);
    expect(detailOf(refused)).toBe(
      "Il ne reste que 400,00 $ dans l'enveloppe Enveloppe grants-b pour l'exercice 2026-2027 : ce montant dépasse ce qui reste.",
    );
    expect(refused.extra).toMatchObject({ refusal: 'envelope_exhausted', leftCents: 40_000 });
    // No budget at all for a year is an empty envelope.
    expect(
      (await refusalOf(commit({ envelopeId, fiscalYear: 2030, applicationId: app.id, amountCents: 1 })))
        .extra,
    ).toMatchObject({ leftCents: 0 });
    await commit({ envelopeId, fiscalYear: 2026, applicationId: app.id, amountCents: 40_000 });

    const read = await json(await h.request(`/api/v1/programs/${programId}/budget`, { token: finance }));
    expect(envelopeOf(read.body, 'grants-b')).toMatchObject({
      years: [expect.objectContaining({ budgetCents: 100_000, committedCents: 100_000, availableCents: 0 })],
    });
    const ledger = await json(
      await h.request(
        `/api/v1/ledger?applicationId=${app.id}&envelopeId=${envelopeId}&fiscalYear=2026-2027&limit=1`,
        {
          token: finance,
        },
      ),
    );
    expect(ledger.body.items).toEqual([
      expect.objectContaining({ amountCents: 40_000, from: 'envelope', to: 'committed', kind: 'commit' }),
    ]);
    const next = await json(
      await h.request(`/api/v1/ledger?applicationId=${app.id}&cursor=${ledger.body.nextCursor}`, {
        token: coordinator,
      }),
    );
    expect(next.body.items.map((e: { amountCents: number }) => e.amountCents)).toEqual([60_000]);
    expect(next.body.nextCursor).toBeNull();
    // The ministry reads aggregates, never a business's entries.
    const ministry = await h.token((await h.user('ministry')).email);
    expect((await h.request(`/api/v1/ledger?applicationId=${app.id}`, { token: ministry })).status).toBe(403);

    // Released money is no longer engaged: it can be committed again.
    await h.system.db.transaction((tx) =>
      releaseFunds(tx, h.system, {
        envelopeId,
        fiscalYear: 2026,
        applicationId: app.id,
        amountCents: 10_000,
        reason: 'closure',
        source: 'test:release',
      }),
    );
    await commit({ envelopeId, fiscalYear: 2026, applicationId: app.id, amountCents: 10_000 });
  });

  it('keeps each business within the program’s cap per business (grants)', async () => {
    await h.services.database.db.insert(aidRulesVersions).values({
      id: newId(),
      programId,
      version: 1,
      rules: { ...DEFAULT_AID_RULES, capPerBusinessCents: 50_000 },
    });
    const { body } = await setBudget([
      {
        key: 'grants-c',
        budgets: [
          ['2026-2027', 1_000_000],
          ['2027-2028', 1_000_000],
        ],
      },
    ]);
    const envelopeId = envelopeOf(body, 'grants-c').id;
    const [a, b] = [
      await acceptedApplication(h, programId, coordinator),
      await acceptedApplication(h, programId, coordinator),
    ];
    await commit({ envelopeId, fiscalYear: 2026, applicationId: a.id, amountCents: 30_000 });
    const refused = await refusalOf(
      commit({ envelopeId, fiscalYear: 2027, applicationId: a.id, amountCents: 30_000 }),
    );
    expect(refused.status).toBe(409);
    expect(refused.extra).toMatchObject({ refusal: 'cap_reached', leftCents: 20_000 });
    expect(detailOf(refused)).toContain('200,00 $');
    await commit({ envelopeId, fiscalYear: 2026, applicationId: b.id, amountCents: 30_000 });
    await h.services.database.db.delete(aidRulesVersions).where(eq(aidRulesVersions.programId, programId));
  });

  it('refuses to lower a budget below what is engaged, naming the envelope and the amount engaged', async () => {
    const { body } = await setBudget([{ key: 'grants-d', budgets: [['2026-2027', 100_000]] }]);
    const envelopeId = envelopeOf(body, 'grants-d').id;
    const app = await acceptedApplication(h, programId, coordinator);
    await commit({ envelopeId, fiscalYear: 2026, applicationId: app.id, amountCents: 70_000 });
    const lowered = await setBudget([{ key: 'grants-d', budgets: [['2026-2027', 60_000]] }]);
    expect(lowered.status).toBe(409);
    expect(nbsp(lowered.body.detail)).toBe(
      'Enveloppe grants-d, exercice 2026-2027 : Le budget ne peut pas être inférieur aux montants déjà engagés (700,00 $).',
    );
    expect(lowered.body.errors[0].path).toBe('envelopes.0.budgets.0.amountCents');
    expect((await setBudget([{ key: 'grants-d', budgets: [['2026-2027', 70_000]] }])).status).toBe(200);
  });

  it('keeps the ledger append-only: the database refuses to update, delete or truncate entries', async () => {
    const { db } = h.services.database;
    const [entry] = await db.select().from(ledgerEntries).limit(1);
    expect(entry).toBeDefined();
    await expect(
      db.update(ledgerEntries).set({ amountCents: 1 }).where(eq(ledgerEntries.id, entry!.id)),
    ).rejects.toThrow();
    await expect(db.delete(ledgerEntries).where(eq(ledgerEntries.id, entry!.id))).rejects.toThrow();
    await expect(db.execute(sql`truncate ledger_entries cascade`)).rejects.toThrow();
    const [still] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, entry!.id));
    expect(still).toEqual(entry);
  });

  it('closes a fiscal year: releases open commitments and carries over those chosen, within next year’s budget', async () => {
    const { body } = await setBudget([
      {
        key: 'grants-e',
        budgets: [
          ['2026-2027', 100_000],
          ['2027-2028', 20_000],
        ],
      },
    ]);
    const envelopeId = envelopeOf(body, 'grants-e').id;
    const [a, b] = [
      await acceptedApplication(h, programId, coordinator),
      await acceptedApplication(h, programId, coordinator),
    ];
    await commit({ envelopeId, fiscalYear: 2026, applicationId: a.id, amountCents: 30_000 });
    await commit({ envelopeId, fiscalYear: 2026, applicationId: b.id, amountCents: 15_000 });
    const yearEnd = (carryOver: string[], token = finance) =>
      h.request(`/api/v1/programs/${programId}/budget/year-end`, {
        method: 'POST',
        token,
        json: { fiscalYear: '2026-2027', carryOver },
      });
    // Carrying a's 300 $ over does not fit next year's 200 $: nothing is written.
    const tooMuch = await json(await yearEnd([a.id]));
    expect(tooMuch.status).toBe(409);
    expect(nbsp(tooMuch.body.detail)).toContain('Enveloppe grants-e');
    expect((await yearEnd([b.id], coordinator)).status).toBe(403);
    const done = await json(await yearEnd([b.id]));
    expect(done.status).toBe(200);
    expect(done.body.envelopes.find((e: { key: string }) => e.key === 'grants-e')).toMatchObject({
      releasedCents: 45_000,
      carriedOverCents: 15_000,
    });
    const read = envelopeOf(
      (await json(await h.request(`/api/v1/programs/${programId}/budget`, { token: admin }))).body,
      'grants-e',
    );
    expect(read).toMatchObject({
      years: [
        expect.objectContaining({
          fiscalYear: '2026-2027',
          committedCents: 0,
          releasedCents: 45_000,
          availableCents: 100_000,
        }),
        expect.objectContaining({ fiscalYear: '2027-2028', committedCents: 15_000, availableCents: 5_000 }),
      ],
    });
    const [audit] = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'budget.year_end'));
    expect(audit?.changes).toMatchObject({ fiscalYear: '2026-2027', carryOver: [b.id] });
  });

  it('draws the accompaniment envelope by the hours an expert records, and keeps the hours when it is exhausted', async () => {
    const { body } = await setBudget([
      { key: 'coaching', kind: 'accompaniment', hourlyRateCents: 10_000, budgets: [['2026-2027', 35_000]] },
    ]);
    const envelopeId = envelopeOf(body, 'coaching').id;
    const coach = await expert(h, coordinator);
    const app = await coachedBy(h, programId, coordinator, coach);
    const { body: session } = await json(
      await h.request('/api/v1/sessions', {
        method: 'POST',
        token: coach.token,
        json: {
          applicationId: app.id,
          startsAt: '2027-01-18T09:00:00-05:00',
          durationMinutes: 120,
          mode: 'phone',
        },
      }),
    );
    h.clock.now = new Date('2027-01-18T17:00:00Z');
    const record = (hours: number) =>
      h.request(`/api/v1/sessions/${session.id}`, { method: 'PATCH', token: coach.token, json: { hours } });
    const entries = () =>
      h.services.database.db
        .select()
        .from(ledgerEntries)
        .where(eq(ledgerEntries.source, `session:${session.id}`))
        .orderBy(ledgerEntries.createdAt, ledgerEntries.id);
    expect((await record(2)).status).toBe(200);
    expect((await entries()).map((e) => [e.kind, e.amountCents, e.cause])).toEqual([
      ['commit', 20_000, 'coaching'],
    ]);
    // Changed hours: a reversing entry and a new commitment, never an edit.
    expect((await record(3)).status).toBe(200);
    const after = await entries();
    expect(after.map((e) => [e.kind, e.amountCents]).sort()).toEqual([
      ['commit', 20_000],
      ['commit', 30_000],
      ['reversal', 20_000],
    ]);
    const reversal = after.find((e) => e.kind === 'reversal')!;
    expect(reversal).toMatchObject({ fromAccount: 'committed', toAccount: 'envelope' });
    expect(reversal.reverses).toBe(after.find((e) => e.amountCents === 20_000 && e.kind === 'commit')!.id);
    // 4 h (400 $) exceed the 350 $ envelope: the hours are kept (a success, since they were saved), and
    // the answer says the envelope could not pay for them; nothing is committed beyond it.
    const exhausted = await json(await record(4));
    expect(exhausted.status).toBe(200);
    expect(nbsp(exhausted.body.fundingWarning)).toContain('Les heures sont enregistrées');
    expect(nbsp(exhausted.body.fundingWarning)).toContain('350,00 $');
    const kept = await json(await h.request(`/api/v1/sessions/${session.id}`, { token: coach.token }));
    expect(kept.body.hours).toBe(4);
    expect(await entries()).toHaveLength(3);
    const read = await json(await h.request(`/api/v1/programs/${programId}/budget`, { token: coordinator }));
    expect(envelopeOf(read.body, 'coaching')).toMatchObject({
      years: [expect.objectContaining({ committedCents: 30_000, availableCents: 5_000 })],
    });
    // The budget raised, recording the hours again commits them.
    await setBudget([
      { key: 'coaching', kind: 'accompaniment', hourlyRateCents: 10_000, budgets: [['2026-2027', 40_000]] },
    ]);
    expect((await record(4)).status).toBe(200);
    expect(await entries()).toContainEqual(
      expect.objectContaining({ kind: 'commit', amountCents: 40_000, envelopeId }),
    );
  });

  it('shows the budget page with fr-CA money, and lets administrators set a budget without JavaScript', async () => {
    const as = async (role: 'admin' | 'finance' | 'retailer', locale: 'fr' | 'en' = 'fr') =>
      h.as({ bearerToken: await h.token((await h.user(role)).email) }, { locale });
    const adminCtx = await as('admin');
    const form = {
      key: 'page',
      nameFr: 'Ateliers',
      nameEn: 'Workshops',
      kind: 'workshops',
      hourlyRate: '',
      fiscalYear: '2026-2027',
    };
    expect(
      await send(budgetPage.action, adminCtx, '/admin/budget', { ...form, amount: '12 345,67' }),
    ).toEqual({ saved: true });
    const page = await load(budgetPage.loader, adminCtx, '/admin/budget');
    expect(page.canConfigure).toBe(true);
    const row = page.rows.find((r) => r.envelopeKey === 'page')!;
    expect(row).toMatchObject({ envelope: 'Ateliers', fiscalYear: '2026-2027' });
    expect(nbsp(row.money.budget!)).toBe('12 345,67 $');
    const english = await load(budgetPage.loader, await as('finance', 'en'), '/admin/budget');
    expect(english.canConfigure).toBe(false);
    expect(english.rows.find((r) => r.envelopeKey === 'page')!.money.available).toBe('$12,345.67');
    expect(await thrown(load(budgetPage.loader, await as('retailer'), '/admin/budget'))).toEqual({
      status: 403,
    });

    const badYear = failureOf(
      await send(budgetPage.action, adminCtx, '/admin/budget', { ...form, fiscalYear: '2026', amount: '1' }),
    );
    expect(badYear.error.status).toBe(422);
    expect(badYear.error.errors.map((e) => e.path)).toEqual(['fiscalYear']);
    expect(badYear.values.amount).toBe('1');

    const app = await acceptedApplication(h, programId, coordinator);
    const envelopeId = envelopeOf(
      (await json(await h.request(`/api/v1/programs/${programId}/budget`, { token: admin }))).body,
      'page',
    ).id;
    await commit({ envelopeId, fiscalYear: 2026, applicationId: app.id, amountCents: 1_000_000 });
    const lowered = failureOf(
      await send(budgetPage.action, adminCtx, '/admin/budget', { ...form, amount: '9000' }),
    );
    expect(lowered.error.status).toBe(409);
    expect(nbsp(lowered.error.detail)).toContain('Ateliers, exercice 2026-2027');
    expect(lowered.error.errors.map((e) => [e.path, nbsp(e.message)])).toEqual([
      ['amount', 'Le budget ne peut pas être inférieur aux montants déjà engagés (10 000,00 $).'],
    ]);
  });

  it.skipIf(engine !== 'postgres')(
    'gives the last dollars to exactly one of two processes committing at the same moment',
    async () => {
      // A second connection pool on the same database: another Virage process.
      const other = await openDatabase({ kind: 'postgres', url: h.services.database.url!, poolSize: 2 });
      try {
        const otherCtx: Ctx = { ...h.system, db: other.db };
        for (let round = 0; round < 5; round++) {
          const { body } = await setBudget([{ key: `race-${round}`, budgets: [['2026-2027', 100_000]] }]);
          const envelopeId = envelopeOf(body, `race-${round}`).id;
          const [a, b] = [
            await acceptedApplication(h, programId, coordinator),
            await acceptedApplication(h, programId, coordinator),
          ];
          await commit({ envelopeId, fiscalYear: 2026, applicationId: a.id, amountCents: 40_000 });
          const results = await Promise.allSettled([
            commit({ envelopeId, fiscalYear: 2026, applicationId: a.id, amountCents: 60_000 }),
            commit({ envelopeId, fiscalYear: 2026, applicationId: b.id, amountCents: 60_000 }, otherCtx),
          ]);
          expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
          const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
          expect(isAppError(loser.reason) && loser.reason.status).toBe(409);
          expect(detailOf(loser.reason)).toContain(`Enveloppe race-${round}`);
          expect(loser.reason.extra).toMatchObject({ leftCents: 0 });
          const [total] = await h.services.database.db
            .select({ n: sql<number>`sum(amount_cents)::bigint`.mapWith(Number) })
            .from(ledgerEntries)
            .where(eq(ledgerEntries.envelopeId, envelopeId));
          expect(total!.n).toBe(100_000);
        }
      } finally {
        await other.close();
      }
    },
  );
  it('keeps the balances the budget page reads equal to the sums of the ledger’s entries (decision 26)', async () => {
    // After every test above: commitments, refusals, releases, a year end with carry-overs, coaching hours.
    const db = h.services.database.db;
    const position = (t: typeof ledgerEntries | typeof ledgerBalances) =>
      [t.envelopeId, t.fiscalYear, t.fromAccount, t.toAccount] as const;
    const [envelopeId, fiscalYear, from, to] = position(ledgerEntries);
    const summed = await db
      .select({
        envelopeId,
        fiscalYear,
        from,
        to,
        cents: sql<number>`sum(${ledgerEntries.amountCents})::bigint`.mapWith(Number),
      })
      .from(ledgerEntries)
      .groupBy(...position(ledgerEntries))
      .orderBy(...position(ledgerEntries));
    const kept = await db
      .select({
        envelopeId: ledgerBalances.envelopeId,
        fiscalYear: ledgerBalances.fiscalYear,
        from: ledgerBalances.fromAccount,
        to: ledgerBalances.toAccount,
        cents: ledgerBalances.amountCents,
      })
      .from(ledgerBalances)
      .orderBy(...position(ledgerBalances));
    expect(summed.length).toBeGreaterThan(3);
    expect(kept).toEqual(summed);
  });

  it('checks commitments on the kept balances and each business’s own entries, with the figures of every entry summed (decision 27)', async () => {
    const db = h.services.database.db;
    const everything = balancesOf((await db.select().from(ledgerEntries)).map(toEntry));
    const positions = [...everything.rows.values()];
    expect(positions.length).toBeGreaterThan(3);
    for (const { envelopeId, fiscalYear, businessId } of positions) {
      const checked = balancesOf(
        await ledgerSums(db, envelopeId, { fiscalYears: [fiscalYear], applicationIds: [businessId] }),
      );
      // What the hard rule reads: the envelope-year's engaged money, and the business's in the envelope.
      expect(totalsOf(checked, { envelopeId, fiscalYear })).toEqual(
        totalsOf(everything, { envelopeId, fiscalYear }),
      );
      expect(totalsOf(checked, { envelopeId, businessId })).toEqual(
        totalsOf(everything, { envelopeId, businessId }),
      );
    }
  });
});
