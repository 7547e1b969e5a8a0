import { type FiscalYear, fiscalYearLabel } from '../../../kernel/fiscal-year.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { appendEntries } from '../db/append-entries.ts';
import { openEntriesOf, toEntry } from '../db/ledger.ts';
import { type EntryCause, entryOf, reversalOf } from '../domain/ledger.ts';
import { sumCents } from '../domain/money.ts';

export type FundsInput = {
  envelopeId: string;
  fiscalYear: FiscalYear;
  applicationId: string;
  amountCents: number;
  /** Why, in words (kept on the entry and in the audit). */
  reason: string;
  /** What commits the money, e.g. `session:<id>`: one source holds one commitment. */
  source: string;
  cause?: EntryCause;
};

/**
 * Commits money from an envelope-year to a business, inside the caller's transaction (its own
 * authorization covers it): the hard rule is checked under the envelope-year's lock and a refusal
 * throws a 409 naming the envelope and what is left. A source holds one commitment: committing again
 * for the same source replaces it by reversing entries and a new one (0 only reverses), never an edit.
 */
export async function commitFunds(tx: Tx, ctx: Ctx, input: FundsInput): Promise<void> {
  const previous = (await openEntriesOf(tx, input.source)).filter((row) => row.kind === 'commit');
  const previousCents = sumCents(previous.map((row) => row.amountCents));
  const unchanged =
    previousCents === input.amountCents &&
    previous.every((row) => row.envelopeId === input.envelopeId && row.fiscalYear === input.fiscalYear);
  if (unchanged) return;
  const entries = [
    ...previous.map((row) => reversalOf(toEntry(row), newId())),
    ...(input.amountCents > 0
      ? [
          entryOf('commit', {
            id: newId(),
            envelopeId: input.envelopeId,
            fiscalYear: input.fiscalYear,
            businessId: input.applicationId,
            amountCents: input.amountCents,
            cause: input.cause ?? 'agreement',
          }),
        ]
      : []),
  ];
  await appendEntries(tx, ctx, entries, { reason: input.reason, source: input.source });
  await appendAudit(tx, ctx, {
    action: 'funds.committed',
    entityType: 'application',
    entityId: input.applicationId,
    changes: {
      envelopeId: input.envelopeId,
      fiscalYear: fiscalYearLabel(input.fiscalYear),
      amountCents: [previousCents, input.amountCents],
      source: input.source,
      reason: input.reason,
    },
  });
}
