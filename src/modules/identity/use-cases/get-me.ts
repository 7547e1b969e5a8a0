import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';

export type Me = { id: string; email: string; name: string; role: string; locale: string };

/** The caller's own identity. */
export function getMe(ctx: Ctx): Me {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'account.read', { userId: actor.id });
  return { id: actor.id, email: actor.email, name: actor.name, role: actor.role, locale: actor.locale };
}
