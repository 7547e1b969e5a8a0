import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { activeUsersWithRole } from '../../identity/index.ts';
import { defaultProgram, getProgram } from '../../programs/index.ts';
import { topicsOf } from './workshop-fields.ts';

/**
 * What the workshop form offers: the program (the default one for a new workshop), its diagnostic's
 * dimensions, who may facilitate.
 */
export async function startWorkshop(ctx: Ctx, programId?: string) {
  authorize(ctx.actor, 'workshop.manage');
  const program = programId ? await getProgram(ctx, programId) : await defaultProgram(ctx);
  const [topics, facilitators] = await Promise.all([
    topicsOf(ctx, program.id),
    activeUsersWithRole(ctx.db, ['expert', 'coordinator']),
  ]);
  return {
    programId: program.id,
    topics,
    facilitators: facilitators
      .map((f) => ({ id: f.id, name: f.name }))
      .sort((a, b) => a.name.localeCompare(b.name, ctx.locale)),
  };
}
