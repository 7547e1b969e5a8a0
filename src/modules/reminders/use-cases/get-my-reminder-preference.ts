import { eq } from 'drizzle-orm';
import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { reminderOptOuts } from '../db/tables.ts';

export type ReminderPreference = { stopped: boolean; stoppedAt: Date | null };

/** Whether the signed-in person stopped the reminders they may stop, and when. */
export async function getMyReminderPreference(ctx: Ctx): Promise<ReminderPreference> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'reminder.preference');
  const [row] = await ctx.db.select().from(reminderOptOuts).where(eq(reminderOptOuts.userId, actor.id));
  return { stopped: row !== undefined, stoppedAt: row?.stoppedAt ?? null };
}
