import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { expertsWithLoad } from '../db/queries.ts';
import { view } from './create-expert.ts';

export const listExpertsInput = z.strictObject({ programId: z.uuid().optional() });

/** Every expert profile with the number of active files (program team), or those of one program. */
export async function listExperts(ctx: Ctx, input: unknown = {}) {
  authorize(ctx.actor, 'expert.manage');
  const { programId } = parseInput(listExpertsInput, input, 'experts');
  return { items: (await expertsWithLoad(ctx.db, programId ? { programId } : undefined)).map(view) };
}
