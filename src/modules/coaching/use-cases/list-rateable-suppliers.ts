import { and, eq, isNotNull } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { applications } from '../../intake/db/tables.ts';
import { planActions, supplierRatings } from '../db/tables.ts';

/**
 * The suppliers a retailer may rate (those in the action plan of one of their businesses), with the
 * rating they already gave, if any. Empty for anyone else: only retailers rate suppliers.
 */
export async function listRateableSuppliers(ctx: Ctx) {
  authorize(ctx.actor, 'supplier.read');
  if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'retailer') return { items: [] };
  const rows = await ctx.db
    .selectDistinct({
      supplierId: planActions.supplierId,
      applicationId: planActions.applicationId,
      rating: supplierRatings.rating,
      comment: supplierRatings.comment,
    })
    .from(planActions)
    .innerJoin(applications, eq(applications.id, planActions.applicationId))
    .leftJoin(
      supplierRatings,
      and(
        eq(supplierRatings.supplierId, planActions.supplierId),
        eq(supplierRatings.applicationId, planActions.applicationId),
      ),
    )
    .where(and(eq(applications.applicantId, ctx.actor.id), isNotNull(planActions.supplierId)));
  return {
    items: rows.map((r) => ({
      supplierId: r.supplierId!,
      applicationId: r.applicationId,
      rating: r.rating,
      comment: r.comment,
    })),
  };
}
