import { z } from 'zod';
import { formatDate } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { privacyRequests } from '../db/request-tables.ts';
import { answerDueOn, REQUEST_KINDS } from '../domain/requests.ts';
import { requestView } from './request-view.ts';
import { tellOfficers } from './tell-officers.ts';
import { tellRequester } from './tell-requester.ts';

export const privacyRequestInput = z.strictObject({
  kind: z.enum(REQUEST_KINDS),
  details: z.string().trim().min(1).max(8000),
});

/**
 * A person asks about their personal information: access, correction, deletion, withdrawal of a
 * publication, or a complaint. The 30-day clock starts now; the person gets an acknowledgement with
 * the day the answer is due, and the privacy officers hear of it. The audit names the kind, never the text (it may hold personal facts).
 */
export async function filePrivacyRequest(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'privacy_request.file');
  const person = signedInActor(ctx.actor);
  const { kind, details } = parseInput(privacyRequestInput, input, 'privacy');
  const now = ctx.now();
  const request = {
    id: newId(),
    requesterId: person.id,
    kind,
    details,
    status: 'received' as const,
    receivedAt: now,
    dueOn: answerDueOn(formatDate(now)),
    answer: null,
    answeredAt: null,
    answeredBy: null,
    updatedAt: now,
    remindedAt: null,
    accountErasedAt: null,
  };
  const requester = { name: person.name, email: person.email, locale: person.locale };
  await transaction(ctx, async (tx) => {
    await tx.insert(privacyRequests).values(request);
    await appendAudit(tx, ctx, {
      action: 'privacy_request.filed',
      entityType: 'privacy_request',
      entityId: request.id,
      changes: { kind, dueOn: request.dueOn },
    });
    await tellRequester(tx, ctx, { request, requester });
    await tellOfficers(tx, ctx, request);
  });
  return requestView(ctx, { request, requester });
}
