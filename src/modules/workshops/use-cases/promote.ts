import { and, eq, inArray, lte } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { placesOf, type WorkshopRow, waitlistOf } from '../db/queries.ts';
import { workshopRegistrations } from '../db/tables.ts';
import { mailRegistration } from './registration-mail.ts';

/**
 * Offers the places left to the next in line, first come first offered, each held for the workshop's
 * `offerHours`. Call with the workshop's row locked (`lockWorkshop`): the count and the offers are then
 * one step, and capacity is never exceeded. Nothing is offered once the workshop has started.
 */
export async function offerFreedPlaces(tx: Tx, ctx: Ctx, workshop: WorkshopRow): Promise<number> {
  if (workshop.status !== 'published' || workshop.startsAt.getTime() <= ctx.now().getTime()) return 0;
  const { taken } = await placesOf(tx, workshop.id);
  const free = workshop.capacity - taken;
  if (free <= 0) return 0;
  const next = (await waitlistOf(tx, workshop.id)).slice(0, free);
  const expires = new Date(ctx.now().getTime() + workshop.offerHours * 3_600_000);
  // An offer never outlives the workshop's start.
  const offerExpiresAt = expires < workshop.startsAt ? expires : workshop.startsAt;
  for (const waiting of next) {
    const [offered] = await tx
      .update(workshopRegistrations)
      .set({ status: 'offered', offerExpiresAt, updatedAt: ctx.now() })
      .where(eq(workshopRegistrations.id, waiting.id))
      .returning();
    await appendAudit(tx, ctx, {
      action: 'workshop.offer_made',
      entityType: 'workshop',
      entityId: workshop.id,
      changes: { registrationId: waiting.id, offerExpiresAt: offerExpiresAt.toISOString() },
    });
    await mailRegistration(tx, ctx, workshop, offered!, 'offered');
  }
  return next.length;
}

/** Offers past their time in a locked workshop: they expire (the person is told), and the places pass on. */
export async function expireOffers(tx: Tx, ctx: Ctx, workshop: WorkshopRow): Promise<number> {
  const expired = await tx
    .update(workshopRegistrations)
    .set({ status: 'expired', updatedAt: ctx.now() })
    .where(
      and(
        eq(workshopRegistrations.workshopId, workshop.id),
        inArray(workshopRegistrations.status, ['offered']),
        lte(workshopRegistrations.offerExpiresAt, ctx.now()),
      ),
    )
    .returning();
  for (const registration of expired) {
    await appendAudit(tx, ctx, {
      action: 'workshop.offer_expired',
      entityType: 'workshop',
      entityId: workshop.id,
      changes: { registrationId: registration.id },
    });
    await mailRegistration(tx, ctx, workshop, registration, 'offer_expired');
  }
  return expired.length;
}
