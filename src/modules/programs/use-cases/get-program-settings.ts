import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram, type Program } from './get-program.ts';

/** A program's settings as administrators edit them. */
export async function getProgramSettings(ctx: Ctx, id: string): Promise<Program> {
  authorize(ctx.actor, 'program.configure');
  return getProgram(ctx, id);
}
