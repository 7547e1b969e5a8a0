import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { lockWorkshop, placesOf } from '../db/queries.ts';
import { workshopRegistrations, workshops } from '../db/tables.ts';
import { ACTIVE } from '../domain/workshops.ts';
import { loadWorkshop } from './load-workshop.ts';
import { mailRegistration } from './registration-mail.ts';
import { workshopView } from './workshop-view.ts';

/**
 * The program team cancels a workshop before it starts: every registration still active is cancelled,
 * and those who held a place get the calendar's cancellation (METHOD:CANCEL, same UID).
 */
export async function cancelWorkshop(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'workshop.manage');
  await loadWorkshop(ctx, id);
  const cancelled = await transaction(ctx, async (tx) => {
    const workshop = (await lockWorkshop(tx, id))!;
    if (workshop.status === 'cancelled')
      throw new AppError('conflict', { key: 'workshops:errors.cancelled' });
    if (workshop.startsAt.getTime() <= ctx.now().getTime())
      throw new AppError('conflict', { key: 'workshops:errors.started' });
    const [row] = await tx
      .update(workshops)
      .set({ status: 'cancelled', updatedAt: ctx.now() })
      .where(eq(workshops.id, id))
      .returning();
    const active = await tx
      .select()
      .from(workshopRegistrations)
      .where(
        and(eq(workshopRegistrations.workshopId, id), inArray(workshopRegistrations.status, [...ACTIVE])),
      );
    for (const r of active) {
      const held = r.status === 'registered';
      const [ended] = await tx
        .update(workshopRegistrations)
        .set({
          status: 'cancelled',
          offerExpiresAt: null,
          sequence: r.sequence + (held ? 1 : 0),
          updatedAt: ctx.now(),
        })
        .where(eq(workshopRegistrations.id, r.id))
        .returning();
      await mailRegistration(tx, ctx, row!, ended!, held ? 'cancelled' : 'workshop_cancelled');
    }
    await appendAudit(tx, ctx, {
      action: 'workshop.cancelled',
      entityType: 'workshop',
      entityId: id,
      changes: { registrations: active.length },
    });
    return row!;
  });
  return workshopView(cancelled, await placesOf(ctx.db, id));
}
