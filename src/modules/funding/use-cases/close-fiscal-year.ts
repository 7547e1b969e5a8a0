import { z } from 'zod';
import { fiscalYearLabel, parseFiscalYear } from '../../../kernel/fiscal-year.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId, UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { appendEntries } from '../db/append-entries.ts';
import { envelopesOf } from '../db/envelopes.ts';
import { lockEnvelopeYear, positionsInYear } from '../db/ledger.ts';
import { balancesOf, yearEndEntries } from '../domain/ledger.ts';
import { sumCents } from '../domain/money.ts';

export const yearEndInput = z.strictObject({
  fiscalYear: z
    .string()
    .refine((label) => parseFiscalYear(label) !== null, { error: 'funding:errors.fiscal_year' }),
  /** The businesses (application ids) whose open commitments move to the next year; the rest are released. */
  carryOver: z.array(z.uuid()).max(10_000).default([]),
});

/**
 * Year end, an explicit and audited action: in every envelope of the program, each commitment still
 * open in the fiscal year is released, and for the businesses chosen committed again in the next year,
 * which must fit next year's budget (else nothing is written and the 409 names the envelope).
 */
export async function closeFiscalYear(ctx: Ctx, programId: string, input: unknown) {
  authorize(ctx.actor, 'budget.year_end');
  if (!UUID_PATTERN.test(programId)) throw new AppError('not_found');
  const data = parseInput(yearEndInput, input, 'funding');
  const fiscalYear = parseFiscalYear(data.fiscalYear)!;
  await getProgram(ctx, programId);
  const carryOver = new Set(data.carryOver);
  return transaction(ctx, async (tx) => {
    const summary = [];
    for (const envelope of await envelopesOf(tx, programId)) {
      // Locked first, so no commitment slips in between reading the open ones and releasing them.
      await lockEnvelopeYear(tx, envelope.id, fiscalYear);
      const balances = balancesOf(await positionsInYear(tx, envelope.id, fiscalYear));
      const entries = yearEndEntries(balances, { envelopeId: envelope.id, fiscalYear, carryOver, newId });
      await appendEntries(tx, ctx, entries, {
        reason: `year end ${fiscalYearLabel(fiscalYear)}`,
        source: `year-end:${fiscalYearLabel(fiscalYear)}`,
      });
      const total = (cause: string) =>
        sumCents(entries.filter((e) => e.cause === cause).map((e) => e.amountCents));
      summary.push({
        envelopeId: envelope.id,
        key: envelope.key,
        releasedCents: total('year_end'),
        carriedOverCents: total('carry_over'),
      });
    }
    await appendAudit(tx, ctx, {
      action: 'budget.year_end',
      entityType: 'program',
      entityId: programId,
      changes: { fiscalYear: data.fiscalYear, carryOver: data.carryOver, envelopes: summary },
    });
    return { fiscalYear: data.fiscalYear, envelopes: summary };
  });
}
