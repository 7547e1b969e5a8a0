import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { currentCriteria } from '../db/queries.ts';
import type { Criterion } from '../domain/eligibility.ts';

/** The eligibility criteria in force, in full, for administrators to edit (none yet: version 0). */
export async function getCriteria(
  ctx: Ctx,
  programId: string,
): Promise<{ version: number; publishedAt: Date | null; criteria: Criterion[] }> {
  authorize(ctx.actor, 'program.configure');
  const program = await getProgram(ctx, programId);
  const current = await currentCriteria(ctx.db, program.id);
  return {
    version: current?.version ?? 0,
    publishedAt: current?.createdAt ?? null,
    criteria: current?.criteria ?? [],
  };
}
