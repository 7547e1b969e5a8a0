import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { planActions, supplierRatings, suppliers } from '../db/tables.ts';
import { loadFile } from './load-file.ts';

export const rateSupplierInput = z.strictObject({
  applicationId: z.uuid(),
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});

/**
 * A retailer rates a supplier they worked with: the supplier must appear in their action plan. One
 * rating per business and supplier; rating again replaces it.
 */
export async function rateSupplier(ctx: Ctx, supplierId: string, input: unknown) {
  if (!UUID_PATTERN.test(supplierId)) throw new AppError('not_found');
  const data = parseInput(rateSupplierInput, input, 'coaching');
  const file = await loadFile(ctx, data.applicationId, 'supplier.rate');
  const [supplier] = await ctx.db
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(eq(suppliers.id, supplierId));
  if (!supplier) throw new AppError('not_found');
  const [used] = await ctx.db
    .select({ id: planActions.id })
    .from(planActions)
    .where(and(eq(planActions.applicationId, file.id), eq(planActions.supplierId, supplierId)))
    .limit(1);
  if (!used) throw fieldError('applicationId', 'coaching:validation.not_rated_supplier');
  const values = { rating: data.rating, comment: data.comment ?? null, ratedAt: ctx.now() };
  await transaction(ctx, async (tx) => {
    await tx
      .insert(supplierRatings)
      .values({ supplierId, applicationId: file.id, ...values })
      .onConflictDoUpdate({
        target: [supplierRatings.supplierId, supplierRatings.applicationId],
        set: values,
      });
    await appendAudit(tx, ctx, {
      action: 'supplier.rated',
      entityType: 'supplier',
      entityId: supplierId,
      changes: { applicationId: file.id, rating: data.rating },
    });
  });
  return { supplierId, applicationId: file.id, ...values };
}
