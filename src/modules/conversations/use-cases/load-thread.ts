import type { UserActor } from '../../../kernel/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize, authorizeVisible } from '../../../wiring/authorize.ts';
import { applicationProfile } from '../../intake/index.ts';

export type ThreadFile = NonNullable<Awaited<ReturnType<typeof applicationProfile>>>;

/**
 * The file whose thread the caller may act on with `action`, and the caller. Those who may not even
 * see the thread (another retailer, another expert, finance, the ministry…) are told it does not exist.
 */
export async function loadThread(
  ctx: Ctx,
  applicationId: string,
  action: 'conversation.read' | 'conversation.post',
): Promise<{ file: ThreadFile; actor: UserActor }> {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!UUID_PATTERN.test(applicationId)) throw new AppError('not_found');
  const file = await applicationProfile(ctx.db, applicationId);
  if (!file) throw new AppError('not_found');
  authorizeVisible(ctx.actor, 'conversation.read', file);
  authorize(ctx.actor, action, file);
  return { file, actor: ctx.actor };
}
