import { z } from 'zod';
import { fiscalYearLabel, parseFiscalYear } from '../../../kernel/fiscal-year.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { envelopeName } from '../db/append-entries.ts';
import { budgetsOf, envelopesOf } from '../db/envelopes.ts';
import { envelopeBalances } from '../db/ledger.ts';
import { balancesOf, totalsOf } from '../domain/ledger.ts';

export const budgetQuery = z.strictObject({
  fiscalYear: z
    .string()
    .refine((label) => parseFiscalYear(label) !== null, { error: 'funding:errors.fiscal_year' })
    .optional(),
});

export type BudgetFigures = {
  fiscalYear: string;
  budgetCents: number;
  committedCents: number;
  payableCents: number;
  paidCents: number;
  availableCents: number;
  releasedCents: number;
  recoveredCents: number;
};

/**
 * A program's budget: per envelope and fiscal year, the budget and the ledger's totals (one fold, the
 * same as the checks', over the kept balances: decision 26). Aggregates only, so the ministry may read it too.
 */
export async function getBudget(ctx: Ctx, programId: string, query: unknown) {
  authorize(ctx.actor, 'budget.read');
  if (!UUID_PATTERN.test(programId)) throw new AppError('not_found');
  const { fiscalYear } = parseInput(budgetQuery, query, 'funding');
  const year = fiscalYear === undefined ? undefined : parseFiscalYear(fiscalYear)!;
  const program = await getProgram(ctx, programId);
  const envelopes = await envelopesOf(ctx.db, programId);
  const budgets = await budgetsOf(
    ctx.db,
    envelopes.map((e) => e.id),
  );
  const balances = balancesOf(
    await envelopeBalances(
      ctx.db,
      envelopes.map((e) => e.id),
      year === undefined ? undefined : [year],
    ),
  );
  const result = [];
  for (const envelope of envelopes) {
    const years = new Set([
      ...budgets.filter((b) => b.envelopeId === envelope.id).map((b) => b.fiscalYear),
      ...[...balances.rows.values()].filter((r) => r.envelopeId === envelope.id).map((r) => r.fiscalYear),
    ]);
    const figures: BudgetFigures[] = [...years]
      .filter((y) => year === undefined || y === year)
      .sort((a, b) => a - b)
      .map((y) => {
        const totals = totalsOf(balances, { envelopeId: envelope.id, fiscalYear: y });
        const budgetCents =
          budgets.find((b) => b.envelopeId === envelope.id && b.fiscalYear === y)?.amountCents ?? 0;
        return {
          fiscalYear: fiscalYearLabel(y),
          budgetCents,
          committedCents: totals.committed,
          payableCents: totals.payable,
          paidCents: totals.paid,
          availableCents: budgetCents - totals.engaged,
          releasedCents: totals.released,
          recoveredCents: totals.recovered,
        };
      });
    result.push({
      id: envelope.id,
      key: envelope.key,
      name: envelopeName(ctx, envelope),
      nameFr: envelope.nameFr,
      nameEn: envelope.nameEn,
      kind: envelope.kind,
      hourlyRateCents: envelope.hourlyRateCents,
      years: figures,
    });
  }
  return { programId: program.id, programSlug: program.slug, envelopes: result };
}
