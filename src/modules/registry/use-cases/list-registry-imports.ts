import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { recentExtracts } from '../db/queries.ts';

/** The latest imports of the registry's file, newest first, with their provenance (administrators). */
export async function listRegistryImports(ctx: Ctx) {
  authorize(ctx.actor, 'registry.read_imports');
  return recentExtracts(ctx.db, 20);
}
