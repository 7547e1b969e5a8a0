import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { privacyRequests } from '../db/request-tables.ts';
import { requestsWithRequester } from '../db/requests.ts';
import { requestView } from './request-view.ts';

/** One request, for the person who filed it or the officer; anyone else is told it does not exist. */
export async function getPrivacyRequest(ctx: Ctx, id: string) {
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const [row] = await requestsWithRequester(ctx.db, eq(privacyRequests.id, id));
  if (!row) throw new AppError('not_found');
  authorizeVisible(ctx.actor, 'privacy_request.read', row.request);
  return requestView(ctx, row);
}
