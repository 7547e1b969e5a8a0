import type { UserActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize, authorizeVisible } from '../../../wiring/authorize.ts';
import { type ApplicationRow, findApplication, partnerOrganizationOf } from '../db/queries.ts';
import type { ApplicationResource } from '../domain/policies.ts';

/** The authorization resource of an application for this caller. */
export async function resourceOf(ctx: Ctx, app: ApplicationRow): Promise<ApplicationResource> {
  const actor = ctx.actor as UserActor;
  const referredByCaller =
    actor.kind === 'user' && actor.role === 'partner' && app.partnerOrganizationId !== null
      ? (await partnerOrganizationOf(ctx.db, actor.id)) === app.partnerOrganizationId
      : false;
  return { applicantId: app.applicantId, assignedExpertUserId: app.assignedExpertUserId, referredByCaller };
}

/**
 * Loads an application the caller may act on with `action`. Someone who may not even know it exists
 * gets "not found", not "forbidden", so ids cannot be probed.
 */
export async function loadApplication(
  ctx: Ctx,
  id: string,
  action:
    | 'application.read'
    | 'application.read_status'
    | 'application.update'
    | 'application.submit'
    | 'application.withdraw'
    | 'application.request_review',
): Promise<{ app: ApplicationRow; resource: ApplicationResource }> {
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  if (ctx.actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const app = await findApplication(ctx.db, id);
  if (!app) throw new AppError('not_found');
  const resource = await resourceOf(ctx, app);
  authorizeVisible(ctx.actor, 'application.read_status', resource);
  authorize(ctx.actor, action, resource);
  return { app, resource };
}
