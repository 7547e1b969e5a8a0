import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { lockWorkshop, placesOf } from '../db/queries.ts';
import { workshopRegistrations, workshops } from '../db/tables.ts';
import { loadWorkshop } from './load-workshop.ts';
import { offerFreedPlaces } from './promote.ts';
import { mailRegistration } from './registration-mail.ts';
import { checkDescription, startOf, workshopDate, workshopFields } from './workshop-fields.ts';
import { workshopView } from './workshop-view.ts';

export const updateWorkshopInput = z.strictObject({ ...workshopFields, date: workshopDate });

/** What, once changed, the registered must hear about (their calendar's event changes). */
const CALENDAR_FIELDS = ['startsAt', 'durationMinutes', 'place', 'link', 'format'] as const;

/**
 * The program team changes a workshop before it starts (all its fields at once). More places go at
 * once to the waitlist as offers; fewer than the places already taken is refused. A change of time,
 * duration or place sends the registered an updated invitation (same UID, higher SEQUENCE).
 */
export async function updateWorkshop(ctx: Ctx, id: string, input: unknown) {
  authorize(ctx.actor, 'workshop.manage');
  const before = await loadWorkshop(ctx, id);
  const data = parseInput(updateWorkshopInput, input, 'workshops');
  await checkDescription(ctx, before.programId, data);
  const startsAt = startOf(ctx, data.date, 'date.date');
  const { date: _date, ...fields } = data;
  const updated = await transaction(ctx, async (tx) => {
    const locked = (await lockWorkshop(tx, id))!;
    if (locked.startsAt.getTime() <= ctx.now().getTime())
      throw new AppError('conflict', { key: 'workshops:errors.started' });
    const { taken } = await placesOf(tx, id);
    if (fields.capacity < taken)
      throw new AppError('invalid_input', {
        fields: [{ path: 'capacity', key: 'workshops:validation.capacity_below_taken', params: { taken } }],
      });
    const [row] = await tx
      .update(workshops)
      .set({
        ...fields,
        place: fields.format === 'in_person' ? (fields.place ?? null) : null,
        link: fields.format === 'online' ? (fields.link ?? null) : null,
        region: fields.audience === 'region' ? (fields.region ?? null) : null,
        facilitatorUserId: fields.facilitatorUserId ?? null,
        startsAt,
        updatedAt: ctx.now(),
      })
      .where(eq(workshops.id, id))
      .returning();
    const workshop = row!;
    const changed = CALENDAR_FIELDS.filter((f) => String(locked[f]) !== String(workshop[f]));
    await appendAudit(tx, ctx, {
      action: 'workshop.updated',
      entityType: 'workshop',
      entityId: id,
      changes: { capacity: workshop.capacity, startsAt: startsAt.toISOString(), changed },
    });
    if (changed.length > 0) {
      const registered = await tx
        .select()
        .from(workshopRegistrations)
        .where(and(eq(workshopRegistrations.workshopId, id), eq(workshopRegistrations.status, 'registered')));
      for (const r of registered) {
        const [bumped] = await tx
          .update(workshopRegistrations)
          .set({ sequence: r.sequence + 1, updatedAt: ctx.now() })
          .where(eq(workshopRegistrations.id, r.id))
          .returning();
        await mailRegistration(tx, ctx, workshop, bumped!, 'changed');
      }
    }
    await offerFreedPlaces(tx, ctx, workshop);
    return workshop;
  });
  return workshopView(updated, await placesOf(ctx.db, id));
}
