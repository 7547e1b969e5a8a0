import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { periodOverrides } from '../db/expired-records.ts';
import { effectiveSchedule } from '../domain/retention-schedule.ts';

/** The retention schedule in force: every kind of record with its period, trigger and action. */
export async function getRetentionSchedule(ctx: Ctx) {
  authorize(ctx.actor, 'retention.read');
  return effectiveSchedule(await periodOverrides(ctx.db));
}
