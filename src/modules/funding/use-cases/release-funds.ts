import { fiscalYearLabel } from '../../../kernel/fiscal-year.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { appendEntries } from '../db/append-entries.ts';
import { entryOf } from '../domain/ledger.ts';
import type { FundsInput } from './commit-funds.ts';

/**
 * Frees part of a business's open commitment (closure, expiry), inside the caller's transaction:
 * checked under the envelope-year's lock like a commitment (nothing beyond what is committed).
 */
export async function releaseFunds(tx: Tx, ctx: Ctx, input: FundsInput): Promise<void> {
  const entry = entryOf('release', {
    id: newId(),
    envelopeId: input.envelopeId,
    fiscalYear: input.fiscalYear,
    businessId: input.applicationId,
    amountCents: input.amountCents,
    cause: input.cause ?? 'closure',
  });
  await appendEntries(tx, ctx, [entry], { reason: input.reason, source: input.source });
  await appendAudit(tx, ctx, {
    action: 'funds.released',
    entityType: 'application',
    entityId: input.applicationId,
    changes: {
      envelopeId: input.envelopeId,
      fiscalYear: fiscalYearLabel(input.fiscalYear),
      amountCents: input.amountCents,
      source: input.source,
      reason: input.reason,
    },
  });
}
