import type { FiscalYear } from '../../../kernel/fiscal-year.ts';
import { fiscalYearLabel } from '../../../kernel/fiscal-year.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { balancesOf, checkEntries, type LedgerEntry, type Limits, raisesEngaged } from '../domain/ledger.ts';
import { type Refusal, refusalMessage, type Verdict } from '../domain/refusal.ts';
import { capOf } from './envelopes.ts';
import { type Envelope, insertEntries, ledgerSums, lockEnvelopeYear } from './ledger.ts';

export const envelopeName = (ctx: Ctx, envelope: Pick<Envelope, 'nameFr' | 'nameEn'>) =>
  ctx.locale === 'fr' ? envelope.nameFr : envelope.nameEn;

/** A refusal in the reader's words (amounts as money, the envelope by its name). */
export const refusalText = (ctx: Ctx, refusal: Refusal, names: Record<string, string> = {}) =>
  refusalMessage(refusal, (key, values) => ctx.t(key, values ?? {}), ctx.locale, names);

/** A refusal of the ledger's rules as a 409 in the reader's language, with the figures for API clients. */
export function refusalError(ctx: Ctx, verdict: Verdict & { ok: false }, names: Record<string, string>) {
  return new AppError('conflict', {
    key: 'funding:errors.refused',
    params: { message: refusalText(ctx, verdict, names) },
    extra: { refusal: verdict.key.split('.').at(-1), ...verdict.params },
  });
}

/**
 * The one way entries reach the ledger, inside the caller's transaction (decision 15): locks every
 * envelope-year they touch (in a fixed order, so two writers never wait on each other in a circle),
 * reads the balances there and of the businesses in those envelopes, re-runs the domain's
 * `checkEntries` against the locked budgets and the caps, then inserts. A refusal throws a 409 naming
 * the envelope and what is left; nothing is written.
 */
export async function appendEntries(
  tx: Tx,
  ctx: Ctx,
  entries: readonly LedgerEntry[],
  why: { reason: string; source: string | null },
): Promise<void> {
  const envelopeYears = [...new Set(entries.map((e) => `${e.envelopeId}/${e.fiscalYear}`))].sort();
  const limits = new Map<string, Limits>();
  const envelopes = new Map<string, Envelope>();
  for (const key of envelopeYears) {
    const [envelopeId, year] = key.split('/') as [string, string];
    const { envelope, budgetCents } = await lockEnvelopeYear(tx, envelopeId, Number(year));
    envelopes.set(envelopeId, envelope);
    // The per-business cap is the grant's (aid rules); coaching hours are not a grant to the business.
    const capCents = envelope.kind === 'grants' ? await capOf(tx, envelope.programId) : null;
    limits.set(key, { budgetCents: budgetCents ?? 0, capCents });
  }
  const sums: LedgerEntry[] = [];
  for (const [envelopeId] of envelopes) {
    const mine = entries.filter((e) => e.envelopeId === envelopeId);
    // The envelope's other businesses count only when money is engaged (the budget check); moves
    // within engaged money (approve, pay) need the businesses' own balances alone.
    sums.push(
      ...(await ledgerSums(tx, envelopeId, {
        fiscalYears: [...new Set(mine.filter(raisesEngaged).map((e) => e.fiscalYear))],
        applicationIds: [...new Set(mine.map((e) => e.businessId))],
      })),
    );
  }
  const verdict = checkEntries(
    balancesOf(sums),
    entries,
    (envelopeId: string, fiscalYear: FiscalYear) => limits.get(`${envelopeId}/${fiscalYear}`)!,
  );
  if (!verdict.ok) {
    const refused = entries.find((e) => e.envelopeId === verdict.params.envelopeId) ?? entries[0]!;
    throw refusalError(ctx, verdict, {
      envelope: envelopeName(ctx, envelopes.get(refused.envelopeId)!),
      fiscalYear: String(verdict.params.fiscalYear ?? fiscalYearLabel(refused.fiscalYear)),
    });
  }
  await insertEntries(tx, ctx, entries, why);
}
