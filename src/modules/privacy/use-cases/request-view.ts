import { formatDate } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { RequestWithRequester } from '../db/requests.ts';
import { requestClock } from '../domain/requests.ts';

/** A request as the person and the officer read it: with its clock against today (Montréal). */
export function requestView(ctx: Ctx, { request, requester }: RequestWithRequester) {
  return {
    id: request.id,
    kind: request.kind,
    details: request.details,
    status: request.status,
    receivedAt: request.receivedAt,
    answer: request.answer,
    answeredAt: request.answeredAt,
    requesterId: request.requesterId,
    requester,
    accountErasedAt: request.accountErasedAt,
    clock: requestClock(request, formatDate(ctx.now())),
  };
}
export type RequestView = ReturnType<typeof requestView>;
