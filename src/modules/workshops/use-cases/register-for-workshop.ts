import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { lockWorkshop, placesOf, positionOf } from '../db/queries.ts';
import { workshopRegistrations } from '../db/tables.ts';
import { ACTIVE, isOpenTo } from '../domain/workshops.ts';
import { loadWorkshop } from './load-workshop.ts';
import { mailRegistration } from './registration-mail.ts';
import { acceptedBusinessesOf } from './retailer-businesses.ts';
import { registrationView } from './workshop-view.ts';

/**
 * The signed-in retailer registers their business: a place while there is one, else the waitlist
 * (first come, first offered). The workshop's row is locked while places are counted, so two
 * registrations for the last place never both get it. A business cancelled earlier registers again
 * on the same registration (same calendar UID, higher SEQUENCE).
 */
export async function registerForWorkshop(ctx: Ctx, workshopId: string) {
  authorize(ctx.actor, 'workshop.register');
  const userId = ctx.actor.kind === 'user' ? ctx.actor.id : '';
  const found = await loadWorkshop(ctx, workshopId);
  const business = (await acceptedBusinessesOf(ctx.db, userId)).find((b) => isOpenTo(found, b));
  // A workshop not open to the retailer is as if it did not exist.
  if (!business || found.status !== 'published') throw new AppError('not_found');
  const registration = await transaction(ctx, async (tx) => {
    const workshop = (await lockWorkshop(tx, workshopId))!;
    if (workshop.status !== 'published') throw new AppError('not_found');
    if (workshop.startsAt.getTime() <= ctx.now().getTime())
      throw new AppError('conflict', { key: 'workshops:errors.started' });
    const [existing] = await tx
      .select()
      .from(workshopRegistrations)
      .where(
        and(
          eq(workshopRegistrations.workshopId, workshop.id),
          eq(workshopRegistrations.applicationId, business.applicationId),
        ),
      );
    if (existing && ACTIVE.includes(existing.status))
      throw new AppError('conflict', { key: 'workshops:errors.already_registered' });
    const { taken, waiting } = await placesOf(tx, workshop.id);
    const placed = taken < workshop.capacity && waiting === 0;
    const values = {
      status: placed ? ('registered' as const) : ('waitlisted' as const),
      waitlistedAt: placed ? null : ctx.now(),
      offerExpiresAt: null,
      userId,
      updatedAt: ctx.now(),
    };
    const [row] = existing
      ? await tx
          .update(workshopRegistrations)
          .set({ ...values, sequence: existing.sequence + 1 })
          .where(eq(workshopRegistrations.id, existing.id))
          .returning()
      : await tx
          .insert(workshopRegistrations)
          .values({
            ...values,
            id: newId(),
            workshopId: workshop.id,
            applicationId: business.applicationId,
            createdAt: ctx.now(),
          })
          .returning();
    await appendAudit(tx, ctx, {
      action: placed ? 'workshop.registered' : 'workshop.waitlisted',
      entityType: 'workshop',
      entityId: workshop.id,
      changes: { registrationId: row!.id, applicationId: business.applicationId },
    });
    const position = await positionOf(tx, row!);
    await mailRegistration(tx, ctx, workshop, row!, placed ? 'registered' : 'waitlisted', { position });
    return registrationView(row!, position);
  });
  return registration;
}
