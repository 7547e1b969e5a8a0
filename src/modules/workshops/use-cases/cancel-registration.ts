import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { findRegistration, lockWorkshop } from '../db/queries.ts';
import { workshopRegistrations } from '../db/tables.ts';
import { ACTIVE } from '../domain/workshops.ts';
import { loadRegistration } from './load-workshop.ts';
import { offerFreedPlaces } from './promote.ts';
import { mailRegistration } from './registration-mail.ts';
import { registrationView } from './workshop-view.ts';

/**
 * The retailer (or the team for them) cancels a registration before the workshop starts. A place it
 * held passes at once to the next in line as a time-limited offer; the calendar event is cancelled.
 */
export async function cancelRegistration(ctx: Ctx, workshopId: string, registrationId: string) {
  const { resource } = await loadRegistration(ctx, workshopId, registrationId);
  authorizeVisible(ctx.actor, 'workshop.cancel', resource);
  return transaction(ctx, async (tx) => {
    const workshop = (await lockWorkshop(tx, workshopId))!;
    const registration = (await findRegistration(tx, registrationId))!;
    if (!ACTIVE.includes(registration.status))
      throw new AppError('conflict', { key: 'workshops:errors.not_active' });
    if (workshop.startsAt.getTime() <= ctx.now().getTime())
      throw new AppError('conflict', { key: 'workshops:errors.started' });
    const heldPlace = registration.status === 'registered';
    const [cancelled] = await tx
      .update(workshopRegistrations)
      .set({
        status: 'cancelled',
        offerExpiresAt: null,
        sequence: registration.sequence + (heldPlace ? 1 : 0),
        updatedAt: ctx.now(),
      })
      .where(eq(workshopRegistrations.id, registration.id))
      .returning();
    await appendAudit(tx, ctx, {
      action: 'workshop.registration_cancelled',
      entityType: 'workshop',
      entityId: workshop.id,
      changes: { registrationId: registration.id, from: registration.status },
    });
    // Only a registration that was in the person's calendar is cancelled there.
    if (heldPlace) await mailRegistration(tx, ctx, workshop, cancelled!, 'cancelled');
    await offerFreedPlaces(tx, ctx, workshop);
    return registrationView(cancelled!, null);
  });
}
