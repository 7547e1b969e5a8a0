import { fiscalYearOf } from '../../../kernel/fiscal-year.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError, isAppError } from '../../../platform/errors.ts';
import { envelopeOfKind } from '../db/envelopes.ts';
import { applyRatio } from '../domain/money.ts';
import { commitFunds } from './commit-funds.ts';

/**
 * Expert hours drawn from the program's accompaniment envelope (hours × its hourly rate, in the
 * current fiscal year), inside the coaching module's transaction. A program without one: nothing.
 * New hours for the same session replace the earlier commitment (a reversing entry and a new one).
 *
 * Hours are a fact and stay recorded even when the envelope is exhausted: the commitment runs in a
 * savepoint, and its refusal is returned (not thrown) for the caller to answer 409 once the hours
 * are saved — nothing is ever spent beyond the envelope; the coordinator raises the budget, then the
 * hours are recorded again.
 */
export async function commitCoachingHours(
  tx: Tx,
  ctx: Ctx,
  input: { programId: string; applicationId: string; sessionId: string; minutes: number },
): Promise<AppError | null> {
  const envelope = await envelopeOfKind(tx, input.programId, 'accompaniment');
  if (!envelope?.hourlyRateCents) return null;
  // minutes × rate / 60, rounded once, half up (decision 15).
  const amountCents = applyRatio(input.minutes, { numerator: envelope.hourlyRateCents, denominator: 60 });
  try {
    await tx.transaction((savepoint) =>
      commitFunds(savepoint, ctx, {
        envelopeId: envelope.id,
        fiscalYear: fiscalYearOf(ctx.now()),
        applicationId: input.applicationId,
        amountCents,
        reason: `${input.minutes / 60} h`,
        source: `session:${input.sessionId}`,
        cause: 'coaching',
      }),
    );
    return null;
  } catch (error) {
    if (!isAppError(error) || error.code !== 'conflict') throw error;
    return new AppError('conflict', {
      key: 'funding:errors.hours_not_funded',
      params: error.params,
      extra: error.extra,
    });
  }
}
