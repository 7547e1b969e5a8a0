import type { Ctx } from '../../../platform/context.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import { listRateableSuppliers } from './list-rateable-suppliers.ts';
import { listSuppliers } from './list-suppliers.ts';

/**
 * The directory as its page shows it: the entries (withdrawn ones too for the program team, who manage
 * them), the ratings the caller may give, and what the caller may do.
 */
export async function getSupplierDirectory(ctx: Ctx, filters: Record<string, string>) {
  const manage = isAllowed(ctx.actor, 'supplier.manage');
  const [{ items }, rateable] = await Promise.all([
    listSuppliers(ctx, { ...filters, ...(manage ? { all: 'true' } : {}) }),
    listRateableSuppliers(ctx),
  ]);
  return { items, rateable: rateable.items, can: { manage } };
}
