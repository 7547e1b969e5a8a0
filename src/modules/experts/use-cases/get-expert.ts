import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { expertsWithLoad } from '../db/queries.ts';
import { view } from './create-expert.ts';

/** One expert profile: the program team, or the expert themselves. */
export async function getExpert(ctx: Ctx, id: string) {
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const [expert] = await expertsWithLoad(ctx.db, { ids: [id] });
  if (!expert) throw new AppError('not_found');
  authorizeVisible(ctx.actor, 'expert.read', { userId: expert.userId });
  return view(expert);
}
