import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize, authorizeVisible } from '../../../wiring/authorize.ts';
import { applicationProfile } from '../../intake/index.ts';
import type { coachingPolicies } from '../domain/policies.ts';

export type CoachedFile = NonNullable<Awaited<ReturnType<typeof applicationProfile>>>;

/**
 * A business's coaching file that the caller may act on with `action`. Those who may not even see the
 * file (another retailer, another expert) are told it does not exist.
 */
export async function loadFile(
  ctx: Ctx,
  applicationId: string,
  action: keyof typeof coachingPolicies,
): Promise<CoachedFile> {
  if (!UUID_PATTERN.test(applicationId)) throw new AppError('not_found');
  if (ctx.actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const file = await applicationProfile(ctx.db, applicationId);
  if (!file) throw new AppError('not_found');
  authorizeVisible(ctx.actor, 'session.read', file);
  authorize(ctx.actor, action as 'session.read', file);
  return file;
}

/** Sessions and plans are for businesses being coached: accepted, and not closed. */
export function assertOpen(file: CoachedFile): void {
  if (file.status !== 'accepted') throw new AppError('conflict', { key: 'coaching:errors.not_assigned' });
  if (file.coachingClosedAt) throw new AppError('conflict', { key: 'coaching:errors.file_closed' });
}
