import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { reminderOptOuts } from '../db/tables.ts';
import { getMyReminderPreference, type ReminderPreference } from './get-my-reminder-preference.ts';

export const reminderPreferenceInput = z.strictObject({
  /** True: no more reminders that may be stopped; false: receive them again. */
  stopped: z.boolean({ error: 'reminders:validation.stopped' }),
});

/**
 * The person stops the reminders they may stop, or takes them back: effective at the next sweep
 * (within the hour), audited. Notices of appointments and of requests the team waits on still go.
 */
export async function setMyReminderPreference(ctx: Ctx, input: unknown): Promise<ReminderPreference> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'reminder.preference');
  const { stopped } = parseInput(reminderPreferenceInput, input, 'reminders');
  await transaction(ctx, async (tx) => {
    const changed = stopped
      ? await tx
          .insert(reminderOptOuts)
          .values({ userId: actor.id, stoppedAt: ctx.now() })
          .onConflictDoNothing()
          .returning({ userId: reminderOptOuts.userId })
      : await tx
          .delete(reminderOptOuts)
          .where(eq(reminderOptOuts.userId, actor.id))
          .returning({ userId: reminderOptOuts.userId });
    if (changed.length === 0) return;
    await appendAudit(tx, ctx, {
      action: stopped ? 'reminder.stopped' : 'reminder.resumed',
      entityType: 'user',
      entityId: actor.id,
    });
  });
  return getMyReminderPreference(ctx);
}
