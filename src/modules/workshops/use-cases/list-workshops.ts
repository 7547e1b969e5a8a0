import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize, isAllowed } from '../../../wiring/authorize.ts';
import { placesOf, positionOf } from '../db/queries.ts';
import { workshopRegistrations, workshops } from '../db/tables.ts';
import { isOpenTo, isRecommendedFor } from '../domain/workshops.ts';
import { acceptedBusinessesOf } from './retailer-businesses.ts';
import { type RegistrationView, registrationView, type WorkshopView, workshopView } from './workshop-view.ts';

export const listWorkshopsInput = z.strictObject({ programId: z.uuid().optional() });

export type WorkshopListItem = WorkshopView & {
  recommended: boolean;
  registration: RegistrationView | null;
};

/**
 * The workshops the caller may see: the program team every one (drafts included), an expert those they
 * facilitate, a retailer the published ones open to their business that have not started, and those
 * they registered to — recommended first (the topic is one of their weakest dimensions), then by date.
 */
export async function listWorkshops(ctx: Ctx, query: unknown = {}): Promise<{ items: WorkshopListItem[] }> {
  authorize(ctx.actor, 'workshop.list');
  const { programId } = parseInput(listWorkshopsInput, query, 'workshops');
  const inProgram = programId ? eq(workshops.programId, programId) : undefined;
  const actor = ctx.actor.kind === 'user' ? ctx.actor : undefined;
  if (actor?.role !== 'retailer') {
    const mine =
      actor && !isAllowed(ctx.actor, 'workshop.manage')
        ? eq(workshops.facilitatorUserId, actor.id)
        : undefined;
    const rows = await ctx.db
      .select()
      .from(workshops)
      .where(and(inProgram, mine))
      .orderBy(asc(workshops.startsAt));
    const items = await Promise.all(
      rows.map(async (w) => ({
        ...workshopView(w, await placesOf(ctx.db, w.id)),
        recommended: false,
        registration: null,
      })),
    );
    return { items };
  }
  const businesses = await acceptedBusinessesOf(ctx.db, actor.id);
  const registrations = await ctx.db
    .select()
    .from(workshopRegistrations)
    .where(eq(workshopRegistrations.userId, actor.id));
  const registered = registrations.map((r) => r.workshopId);
  const rows = await ctx.db
    .select()
    .from(workshops)
    .where(
      and(
        inProgram,
        or(
          and(eq(workshops.status, 'published'), gt(workshops.startsAt, ctx.now())),
          registered.length > 0 ? inArray(workshops.id, registered) : sql`false`,
        ),
      ),
    )
    .orderBy(asc(workshops.startsAt));
  const items: WorkshopListItem[] = [];
  for (const w of rows) {
    const registration = registrations.find((r) => r.workshopId === w.id);
    const business = businesses.find((b) => isOpenTo(w, b));
    if (!registration && !business) continue;
    items.push({
      ...workshopView(w, await placesOf(ctx.db, w.id)),
      recommended: !!business && isRecommendedFor(w.topic, business),
      registration: registration
        ? registrationView(registration, await positionOf(ctx.db, registration))
        : null,
    });
  }
  // Stable: recommended first, each group by date.
  items.sort((a, b) => Number(b.recommended) - Number(a.recommended));
  return { items };
}
