import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { contactOf } from '../../identity/index.ts';
import { reminderOptOuts } from '../db/tables.ts';
import { personOfStopLink } from './stop-link.ts';

/** Checks a stop link before its confirmation page is shown (a link that is not ours: not found). */
export function checkStopLink(ctx: Ctx, token: string): void {
  authorize(ctx.actor, 'reminder.stop_by_link');
  if (!personOfStopLink(ctx.services.config, token)) throw new AppError('not_found');
}

/**
 * Stops the reminders that may be stopped from the link in one of them, without signing in: only the
 * confirmation's POST does it (a mail scanner following the link does not), effective at the next
 * sweep; audited. Taking them back is on the person's account (`setMyReminderPreference`).
 */
export async function stopRemindersByLink(ctx: Ctx, token: string): Promise<void> {
  authorize(ctx.actor, 'reminder.stop_by_link');
  const userId = personOfStopLink(ctx.services.config, token);
  if (!userId) throw new AppError('not_found');
  await transaction(ctx, async (tx) => {
    // A link of an account since erased stops nothing, and says so.
    if (!(await contactOf(tx, userId))) throw new AppError('not_found');
    const stopped = await tx
      .insert(reminderOptOuts)
      .values({ userId, stoppedAt: ctx.now() })
      .onConflictDoNothing()
      .returning({ userId: reminderOptOuts.userId });
    if (stopped.length === 0) return;
    await appendAudit(tx, ctx, {
      action: 'reminder.stopped',
      entityType: 'user',
      entityId: userId,
      changes: { via: 'link' },
    });
  });
}
