import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { privacyRequests } from '../db/request-tables.ts';
import { requestsWithRequester } from '../db/requests.ts';
import { byUrgency, REQUEST_STATUSES } from '../domain/requests.ts';
import { requestView } from './request-view.ts';

export const listRequestsInput = z.strictObject({
  /** `true`: the caller's own requests, newest first; otherwise every request (the officer's queue). */
  mine: z.enum(['true', 'false']).default('false'),
  /** Only requests in these statuses, comma-separated (`received,in_progress` for the open ones). */
  status: z
    .string()
    .transform((v) => v.split(','))
    .pipe(z.array(z.enum(REQUEST_STATUSES)))
    .optional(),
});

/**
 * The person's own requests, or for the privacy officer every request in the queue's order: open ones
 * first, the most overdue first. Requests are few (a handful a month), so the list is not paged.
 */
export async function listPrivacyRequests(ctx: Ctx, input: unknown = {}) {
  const { mine, status } = parseInput(listRequestsInput, input, 'privacy');
  authorize(ctx.actor, mine === 'true' ? 'privacy_request.file' : 'privacy_request.list_all');
  const rows = await requestsWithRequester(
    ctx.db,
    and(
      mine === 'true' ? eq(privacyRequests.requesterId, signedInActor(ctx.actor).id) : undefined,
      status ? inArray(privacyRequests.status, status) : undefined,
    ),
  );
  const views = rows.map((row) => requestView(ctx, row));
  return mine === 'true' ? views : views.sort((a, b) => byUrgency(asRequest(a), asRequest(b)));
}

const asRequest = (v: ReturnType<typeof requestView>) => ({ status: v.status, dueOn: v.clock.dueOn });
