import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { lockWorkshop, placesOf } from '../db/queries.ts';
import { workshops } from '../db/tables.ts';
import { loadWorkshop } from './load-workshop.ts';
import { workshopView } from './workshop-view.ts';

/** Opens a draft workshop to registrations (retailers see it from then on). */
export async function publishWorkshop(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'workshop.manage');
  await loadWorkshop(ctx, id);
  const published = await transaction(ctx, async (tx) => {
    const workshop = (await lockWorkshop(tx, id))!;
    if (workshop.status !== 'draft') throw new AppError('conflict', { key: 'workshops:errors.not_draft' });
    if (workshop.startsAt.getTime() <= ctx.now().getTime())
      throw new AppError('conflict', { key: 'workshops:errors.started' });
    const [row] = await tx
      .update(workshops)
      .set({ status: 'published', publishedAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(workshops.id, id))
      .returning();
    await appendAudit(tx, ctx, { action: 'workshop.published', entityType: 'workshop', entityId: id });
    return row!;
  });
  return workshopView(published, await placesOf(ctx.db, id));
}
