import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { selectProgram } from '../../programs/index.ts';
import { expertsWithLoad } from '../db/queries.ts';

/**
 * What the matching page is about (program team): the program (by its slug; the default one without),
 * and every expert of that program with their free places.
 */
export async function getAssignmentBoard(ctx: Ctx, programSlug?: string) {
  authorize(ctx.actor, 'assignment.manage');
  const program = await selectProgram(ctx, programSlug);
  const experts = await expertsWithLoad(ctx.db, { programId: program.id });
  return {
    programId: program.id,
    experts: experts.map((e) => ({
      id: e.id,
      name: e.name,
      active: e.status === 'active',
      free: Math.max(0, e.capacity - e.activeFiles),
    })),
  };
}
