import type { Ctx } from '../../../platform/context.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import { listExperts } from './list-experts.ts';

/** Every expert profile (program team), with whether the caller may also invite an expert's account. */
export async function getExpertRoster(ctx: Ctx) {
  const { items } = await listExperts(ctx);
  return { items, can: { invite: isAllowed(ctx.actor, 'user.invite') } };
}
