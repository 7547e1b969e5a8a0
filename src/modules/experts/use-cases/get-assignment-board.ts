import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { listPrograms } from '../../programs/index.ts';
import { expertsWithLoad } from '../db/queries.ts';

/** What the matching page is about (program team): the program, and every expert with their free places. */
export async function getAssignmentBoard(ctx: Ctx) {
  authorize(ctx.actor, 'assignment.manage');
  const [program] = await listPrograms(ctx);
  if (!program) throw new AppError('not_found');
  const experts = await expertsWithLoad(ctx.db);
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
