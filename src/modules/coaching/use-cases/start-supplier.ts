import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';

/** What a new directory entry starts from (program team): nothing chosen, nothing written. */
export function startSupplier(ctx: Ctx) {
  authorize(ctx.actor, 'supplier.manage');
  return {
    name: '',
    categories: [] as string[],
    regions: [] as string[],
    languages: [] as string[],
    website: '',
    descriptionFr: '',
    descriptionEn: '',
  };
}
