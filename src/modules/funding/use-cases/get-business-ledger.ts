import { fiscalYearLabel } from '../../../kernel/fiscal-year.ts';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { agreementsMatching } from '../db/agreements.ts';
import { envelopeName } from '../db/append-entries.ts';
import { envelopesOf } from '../db/envelopes.ts';
import { businessLedgerSums } from '../db/ledger.ts';
import { balancesOf, totalsOf } from '../domain/ledger.ts';
import { fileOf } from './get-bank-account.ts';

/**
 * One business's money, for the team and finance: its agreements, and its ledger's balances by state
 * per envelope and fiscal year with their totals (the entries themselves: `listLedger`).
 */
export async function getBusinessLedger(ctx: Ctx, applicationId: string) {
  authorize(ctx.actor, 'ledger.list');
  const file = await fileOf(ctx, applicationId);
  const [agreements, envelopes, sums] = await Promise.all([
    agreementsMatching(ctx.db, { applicationId }),
    envelopesOf(ctx.db, file.programId),
    businessLedgerSums(ctx.db, applicationId),
  ]);
  const balances = balancesOf(sums);
  const names = new Map(envelopes.map((e) => [e.id, envelopeName(ctx, e)]));
  const positions = [...balances.rows.values()].sort(
    (a, b) =>
      a.fiscalYear - b.fiscalYear ||
      (names.get(a.envelopeId) ?? '').localeCompare(names.get(b.envelopeId) ?? ''),
  );
  return {
    applicationId,
    businessName: file.tradeName || file.legalName || '',
    agreements: agreements.map((a) => ({
      id: a.id,
      status: a.status,
      fiscalYear: fiscalYearLabel(a.fiscalYear),
      grantCents: a.grantCents,
    })),
    positions: positions.map((p) => ({
      envelopeId: p.envelopeId,
      envelopeName: names.get(p.envelopeId) ?? '',
      fiscalYear: fiscalYearLabel(p.fiscalYear),
      ...totalsOf(balances, p),
    })),
    totals: totalsOf(balances, { businessId: applicationId }),
  };
}
