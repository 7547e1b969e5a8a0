import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { privacyRequests } from '../db/request-tables.ts';
import { requestsWithRequester } from '../db/requests.ts';
import { REQUEST_MOVES } from '../domain/requests.ts';
import { requestView } from './request-view.ts';
import { tellRequester } from './tell-requester.ts';

export const answerRequestInput = z
  .strictObject({
    status: z.enum(['in_progress', 'answered', 'refused']),
    /** The answer to the person, or why the request is refused (P-39.1 s.34: a refusal gives its reasons). */
    answer: z.string().trim().max(8000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status !== 'in_progress' && !v.answer)
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `privacy:requests.errors.answer_${v.status}`,
      });
  });

/**
 * The privacy officer takes a request up, answers it or refuses it with reasons; the person is told by
 * e-mail in their language. An answer or a refusal is final (a second one answers 409); the request row
 * is locked, so two officers cannot both answer it.
 */
export async function answerPrivacyRequest(ctx: Ctx, id: string, input: unknown) {
  authorize(ctx.actor, 'privacy_request.answer');
  const officer = signedInActor(ctx.actor);
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const { status, answer } = parseInput(answerRequestInput, input, 'privacy');
  const row = await transaction(ctx, async (tx) => {
    const [found] = await requestsWithRequester(tx, eq(privacyRequests.id, id)).for('update', {
      of: privacyRequests,
    });
    if (!found) throw new AppError('not_found');
    if (!REQUEST_MOVES[found.request.status].includes(status))
      throw new AppError('conflict', {
        key: 'privacy:requests.errors.move',
        params: { from: ctx.t(`privacy:requests.statuses.${found.request.status}`) },
      });
    const now = ctx.now();
    const closing = status !== 'in_progress';
    const [saved] = await tx
      .update(privacyRequests)
      .set({
        status,
        updatedAt: now,
        ...(closing ? { answer: answer!, answeredAt: now, answeredBy: officer.id } : {}),
      })
      .where(eq(privacyRequests.id, id))
      .returning();
    await appendAudit(tx, ctx, {
      action: `privacy_request.${status}`,
      entityType: 'privacy_request',
      entityId: id,
      changes: { status: [found.request.status, status] },
    });
    const changed = { request: saved!, requester: found.requester };
    await tellRequester(tx, ctx, changed);
    return changed;
  });
  return requestView(ctx, row);
}
