import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { findRegistration, lockWorkshop } from '../db/queries.ts';
import { workshopRegistrations } from '../db/tables.ts';
import { loadRegistration } from './load-workshop.ts';
import { mailRegistration } from './registration-mail.ts';
import { registrationView } from './workshop-view.ts';

/** The retailer offered a freed place takes it before the offer ends; the invitation follows. */
export async function acceptOffer(ctx: Ctx, workshopId: string, registrationId: string) {
  const { resource } = await loadRegistration(ctx, workshopId, registrationId);
  authorizeVisible(ctx.actor, 'workshop.accept_offer', resource);
  return transaction(ctx, async (tx) => {
    const workshop = (await lockWorkshop(tx, workshopId))!;
    const registration = (await findRegistration(tx, registrationId))!;
    if (registration.status !== 'offered')
      throw new AppError('conflict', { key: 'workshops:errors.no_offer' });
    if (registration.offerExpiresAt!.getTime() <= ctx.now().getTime())
      throw new AppError('conflict', { key: 'workshops:errors.offer_expired' });
    const [accepted] = await tx
      .update(workshopRegistrations)
      .set({
        status: 'registered',
        offerExpiresAt: null,
        sequence: registration.sequence + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(workshopRegistrations.id, registration.id))
      .returning();
    await appendAudit(tx, ctx, {
      action: 'workshop.offer_accepted',
      entityType: 'workshop',
      entityId: workshop.id,
      changes: { registrationId: registration.id },
    });
    await mailRegistration(tx, ctx, workshop, accepted!, 'registered');
    return registrationView(accepted!, null);
  });
}
