import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { defaultProgram } from '../../programs/index.ts';
import { suppliers } from '../db/tables.ts';
import { supplierFields } from './supplier-fields.ts';

export const createSupplierInput = z.strictObject({ ...supplierFields, programId: z.uuid().optional() });

/** Adds a supplier to the directory (program team). Suppliers get no account: nobody acts for a retailer. */
export async function createSupplier(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'supplier.manage');
  const data = parseInput(createSupplierInput, input, 'coaching');
  const programId = data.programId ?? (await defaultProgram(ctx)).id;
  const id = newId();
  const values = {
    name: data.name,
    categories: data.categories,
    regions: data.regions,
    languages: data.languages,
    website: data.website ?? null,
    descriptionFr: data.descriptionFr ?? '',
    descriptionEn: data.descriptionEn ?? '',
  };
  await transaction(ctx, async (tx) => {
    await tx
      .insert(suppliers)
      .values({ id, programId, ...values, createdAt: ctx.now(), updatedAt: ctx.now() });
    await appendAudit(tx, ctx, {
      action: 'supplier.created',
      entityType: 'supplier',
      entityId: id,
      changes: values,
    });
    await ctx.services.reactions.supplierChanged(tx, ctx, id);
  });
  return { id, ...values, active: true };
}
