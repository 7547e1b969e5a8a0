import { and, eq, inArray } from 'drizzle-orm';
import { formatDate } from '../../../kernel/format.ts';
import { appendAudits } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { applicationProfiles } from '../../intake/index.ts';
import { offersOfClosedPrograms, offersPastDeadline } from '../db/agreements.ts';
import { agreements } from '../db/tables.ts';
import { notifyRetailer } from './notify-retailer.ts';

type Ending = { to: 'expired' | 'withdrawn'; reason: string };

/**
 * Ends offers nobody may accept any more, inside `tx`: each moves to `expired` (its deadline passed)
 * or `withdrawn` (its program closed), audited, and the retailer is told by e-mail. Only rows
 * still `offered` move, so a concurrent acceptance and this never both win.
 */
export async function endOffers(tx: Tx, ctx: Ctx, ids: string[], ending: Ending): Promise<string[]> {
  if (ids.length === 0) return [];
  const ended = await tx
    .update(agreements)
    .set({ status: ending.to, endReason: ending.reason, updatedAt: ctx.now() })
    .where(and(inArray(agreements.id, ids), eq(agreements.status, 'offered')))
    .returning();
  await appendAudits(
    tx,
    ctx,
    ended.map((a) => ({
      action: `agreement.${ending.to}`,
      entityType: 'application',
      entityId: a.applicationId,
      changes: { agreementId: a.id, reason: ending.reason },
    })),
  );
  for (const file of await applicationProfiles(
    tx,
    ended.map((a) => a.applicationId),
  ))
    await notifyRetailer(tx, ctx, file, `funding:agreements.mail.${ending.to}`, () => ({}));
  return ended.map((a) => a.id);
}

/**
 * For the code that closes a program or its intake, inside its transaction: every outgoing offer of
 * the program is withdrawn (CDAP's portal kept inviting businesses to sign after it closed).
 */
export async function withdrawOffersOfProgram(tx: Tx, ctx: Ctx, programId: string): Promise<string[]> {
  const offered = await tx
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.programId, programId), eq(agreements.status, 'offered')))
    .for('update');
  return endOffers(
    tx,
    ctx,
    offered.map((a) => a.id),
    { to: 'withdrawn', reason: ctx.t('funding:agreements.program_closed_reason') },
  );
}

/**
 * The background sweep (every quarter hour): offers past their deadline expire, those of programs
 * whose intake has closed are withdrawn. Acceptance checks both itself, so nothing depends on the
 * sweep's timing; it keeps lists and the retailer's page truthful.
 */
export async function settleOffers(ctx: Ctx) {
  authorize(ctx.actor, 'agreement.settle');
  return transaction(ctx, async (tx) => {
    const closed = await offersOfClosedPrograms(tx, ctx.now());
    const withdrawn = await endOffers(
      tx,
      ctx,
      closed.map((a) => a.id),
      { to: 'withdrawn', reason: ctx.t('funding:agreements.program_closed_reason') },
    );
    const late = await offersPastDeadline(tx, formatDate(ctx.now()));
    const expired = await endOffers(
      tx,
      ctx,
      late.map((a) => a.id),
      { to: 'expired', reason: ctx.t('funding:agreements.expired_reason') },
    );
    return { withdrawn: withdrawn.length, expired: expired.length };
  });
}
