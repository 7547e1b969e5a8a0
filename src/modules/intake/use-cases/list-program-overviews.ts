import type { Ctx } from '../../../platform/context.ts';
import { listPrograms } from '../../programs/index.ts';
import { overviewOf } from './get-program-overview.ts';

/** Every program with its live figures (the public page and `GET /programs`). */
export async function listProgramOverviews(ctx: Ctx) {
  const programs = await listPrograms(ctx);
  return Promise.all(programs.map((program) => overviewOf(ctx, program, ctx.locale)));
}
