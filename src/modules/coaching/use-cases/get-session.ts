import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { findSession } from '../db/queries.ts';
import { loadFile } from './load-file.ts';
import { sessionView } from './session-view.ts';

/** One session, as the caller may see it. */
export async function getSession(ctx: Ctx, id: string) {
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const session = await findSession(ctx.db, id);
  if (!session) throw new AppError('not_found');
  const file = await loadFile(ctx, session.applicationId, 'session.read');
  return sessionView(ctx, session, file);
}
