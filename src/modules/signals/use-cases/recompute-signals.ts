import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { fillBankMatchKeys } from '../../funding/index.ts';
import { recomputeAllSignals } from '../db/recompute.ts';

/**
 * Runs every detector over every file (the first run after installing signals, or after a bulk change
 * made outside the use cases); what changes each file day to day is recomputed as it is written.
 */
export async function recomputeSignals(ctx: Ctx) {
  authorize(ctx.actor, 'signal.recompute');
  return transaction(ctx, async (tx) => {
    const bankKeysFilled = await fillBankMatchKeys(tx, ctx);
    const counts = await recomputeAllSignals(tx, ctx);
    await appendAudit(tx, ctx, {
      action: 'signal.recomputed',
      entityType: 'signal',
      changes: { ...counts, bankKeysFilled },
    });
    return counts;
  });
}
