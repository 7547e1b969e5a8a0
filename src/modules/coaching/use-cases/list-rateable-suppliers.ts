import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { rateableSuppliersOf } from '../db/queries.ts';

/**
 * The suppliers a retailer may rate (those in the action plan of one of their businesses), with the
 * rating they already gave, if any. Empty for anyone else: only retailers rate suppliers.
 */
export async function listRateableSuppliers(ctx: Ctx) {
  authorize(ctx.actor, 'supplier.read');
  if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'retailer') return { items: [] };
  const rows = await rateableSuppliersOf(ctx.db, ctx.actor.id);
  return {
    items: rows.map((r) => ({
      supplierId: r.supplierId!,
      applicationId: r.applicationId,
      rating: r.rating,
      comment: r.comment,
    })),
  };
}
