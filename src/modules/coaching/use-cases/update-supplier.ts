import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { suppliers } from '../db/tables.ts';
import { supplierFields } from './supplier-fields.ts';

export const updateSupplierInput = z.strictObject({ ...supplierFields, active: z.boolean() }).partial();

/** Changes a directory entry, or takes it out of the directory (`active: false`) without losing its ratings. */
export async function updateSupplier(ctx: Ctx, id: string, input: unknown) {
  authorize(ctx.actor, 'supplier.manage');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const changes = parseInput(updateSupplierInput, input, 'coaching');
  return transaction(ctx, async (tx) => {
    const [current] = await tx.select().from(suppliers).where(eq(suppliers.id, id)).for('update');
    if (!current) throw new AppError('not_found');
    const [updated] = await tx
      .update(suppliers)
      .set({ ...changes, updatedAt: ctx.now() })
      .where(eq(suppliers.id, id))
      .returning();
    const diff = Object.fromEntries(
      Object.entries(changes).map(([k, v]) => [k, [current[k as keyof typeof current], v]]),
    );
    await appendAudit(tx, ctx, {
      action: 'supplier.changed',
      entityType: 'supplier',
      entityId: id,
      changes: diff,
    });
    await ctx.services.reactions.supplierChanged(tx, ctx, id);
    const { programId: _, createdAt: __, updatedAt: ___, ...view } = updated!;
    return view;
  });
}
