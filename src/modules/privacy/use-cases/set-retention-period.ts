import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { periodOverrides } from '../db/expired-records.ts';
import { retentionPeriods } from '../db/retention-tables.ts';
import {
  effectiveSchedule,
  isRecordKind,
  periodError,
  RETENTION_DEFAULTS,
  type RetentionRule,
} from '../domain/retention-schedule.ts';

export const periodInput = z.strictObject({
  periodMonths: z.number().int().min(0).max(1200).describe('Months after the trigger'),
});

/** The officer changes how long a kind of record is kept (audited with the old and new period). */
export async function setRetentionPeriod(ctx: Ctx, kind: string, input: unknown) {
  authorize(ctx.actor, 'retention.configure');
  if (!isRecordKind(kind)) throw new AppError('not_found');
  const { periodMonths } = parseInput(periodInput, input, 'privacy');
  const problem = periodError(kind, periodMonths);
  const rule: RetentionRule = RETENTION_DEFAULTS[kind];
  if (problem)
    throw fieldError('periodMonths', `privacy:retention.errors.${problem}`, { minimum: rule.minimumMonths });
  return transaction(ctx, async (tx) => {
    const before = effectiveSchedule(await periodOverrides(tx)).find((k) => k.kind === kind)!;
    const values = {
      periodMonths,
      updatedAt: ctx.now(),
      updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    };
    await tx
      .insert(retentionPeriods)
      .values({ kind, ...values })
      .onConflictDoUpdate({ target: retentionPeriods.kind, set: values });
    await appendAudit(tx, ctx, {
      action: 'retention.period_set',
      entityType: 'retention_period',
      entityId: kind,
      changes: { periodMonths: [before.rule.periodMonths, periodMonths] },
    });
    return effectiveSchedule(await periodOverrides(tx)).find((k) => k.kind === kind)!;
  });
}
