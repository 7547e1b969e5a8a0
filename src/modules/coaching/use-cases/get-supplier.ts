import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { listSuppliers } from './list-suppliers.ts';

/** One directory entry, withdrawn ones included, to edit (program team). */
export async function getSupplier(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'supplier.manage');
  const supplier = (await listSuppliers(ctx, { all: 'true' })).items.find((s) => s.id === id);
  if (!supplier) throw new AppError('not_found');
  return supplier;
}
