import type { Ctx } from '../../../platform/context.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import { listMyConsents } from '../../intake/index.ts';
import { listMyDataExports } from './list-my-data-exports.ts';

/**
 * The person's privacy page: their businesses' consents (a retailer's; other roles consent to
 * nothing) and their copies of their data.
 */
export async function getMyPrivacy(ctx: Ctx) {
  const [consents, copies] = await Promise.all([
    isAllowed(ctx.actor, 'consent.manage_own') ? listMyConsents(ctx) : { businesses: [] },
    listMyDataExports(ctx),
  ]);
  return { businesses: consents.businesses, copies };
}
