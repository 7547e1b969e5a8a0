import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { listPrograms, type ProgramSummary } from './list-programs.ts';

/** Every program, for the administrators who create and copy them (the programs page). */
export async function listProgramsToManage(ctx: Ctx): Promise<ProgramSummary[]> {
  authorize(ctx.actor, 'program.create');
  return listPrograms(ctx);
}
