import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { activeUsersWithRole } from '../../identity/index.ts';
import { defaultProgram } from '../../programs/index.ts';
import { topicsOf } from './workshop-fields.ts';

/** What the creation form offers: the program, its diagnostic's dimensions, who may facilitate. */
export async function startWorkshop(ctx: Ctx) {
  authorize(ctx.actor, 'workshop.manage');
  const program = await defaultProgram(ctx);
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
