import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { expertsWithLoad } from '../db/queries.ts';
import { view } from './create-expert.ts';

/** Every expert profile with the number of active files (program team). */
export async function listExperts(ctx: Ctx) {
  authorize(ctx.actor, 'expert.manage');
  return { items: (await expertsWithLoad(ctx.db)).map(view) };
}
