import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { lockWorkshop, workshopsWithExpiredOffers } from '../db/queries.ts';
import { workshopRegistrations, workshops } from '../db/tables.ts';
import { expireOffers, offerFreedPlaces } from './promote.ts';
import { mailRegistration } from './registration-mail.ts';

/**
 * The job's round: offers past their time expire and their places pass to the next in line (one
 * workshop at a time, its row locked); the participants of workshops that ended are invited to the
 * satisfaction question once (not those recorded absent).
 */
export async function settleWorkshops(ctx: Ctx) {
  authorize(ctx.actor, 'workshop.settle');
  let expired = 0;
  for (const id of await workshopsWithExpiredOffers(ctx.db, ctx.now())) {
    expired += await transaction(ctx, async (tx) => {
      const workshop = (await lockWorkshop(tx, id))!;
      const count = await expireOffers(tx, ctx, workshop);
      await offerFreedPlaces(tx, ctx, workshop);
      return count;
    });
  }
  const due = await ctx.db
    .select({ registration: workshopRegistrations, workshop: workshops })
    .from(workshopRegistrations)
    .innerJoin(workshops, eq(workshops.id, workshopRegistrations.workshopId))
    .where(
      and(
        eq(workshopRegistrations.status, 'registered'),
        isNull(workshopRegistrations.satisfactionInvitedAt),
        or(isNull(workshopRegistrations.present), eq(workshopRegistrations.present, true)),
        lte(
          sql`${workshops.startsAt} + make_interval(mins => ${workshops.durationMinutes})`,
          sql`${ctx.now().toISOString()}::timestamptz`,
        ),
      ),
    );
  for (const { registration, workshop } of due) {
    await transaction(ctx, async (tx) => {
      const [invited] = await tx
        .update(workshopRegistrations)
        .set({ satisfactionInvitedAt: ctx.now() })
        .where(
          and(
            eq(workshopRegistrations.id, registration.id),
            isNull(workshopRegistrations.satisfactionInvitedAt),
          ),
        )
        .returning();
      if (!invited) return;
      await appendAudit(tx, ctx, {
        action: 'workshop.satisfaction_invited',
        entityType: 'workshop',
        entityId: workshop.id,
        changes: { registrationId: registration.id },
      });
      await mailRegistration(tx, ctx, workshop, invited, 'satisfaction');
    });
  }
  return { expired, invited: due.length };
}
