import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { forgetMailTo } from '../../../platform/mail/forget-mail.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { contactOf, eraseAccount } from '../../identity/index.ts';
import { anonymiseApplications, applicationsOfApplicant } from '../../intake/index.ts';
import { heldApplicationIds } from '../db/expired-records.ts';
import { privacyRequests } from '../db/request-tables.ts';
import { type RequestWithRequester, requestsWithRequester } from '../db/requests.ts';
import { isOpen } from '../domain/requests.ts';
import { tellRequester } from './tell-requester.ts';

export const deletionInput = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(3)
    .max(1000)
    .describe('Why (e.g. the request’s reference); with `requestId`, also the answer e-mailed to the person'),
  requestId: z
    .uuid()
    .optional()
    .describe(
      'The person’s open deletion request this deletion answers: answered and linked in the same transaction',
    ),
});

/** The person's open deletion request, locked; refused (409) when it is not one. */
async function openDeletionRequest(tx: Tx, userId: string, requestId: string) {
  const [found] = await requestsWithRequester(tx, eq(privacyRequests.id, requestId)).for('update', {
    of: privacyRequests,
  });
  if (
    !found ||
    found.request.requesterId !== userId ||
    found.request.kind !== 'deletion' ||
    !isOpen(found.request.status)
  )
    throw new AppError('conflict', { key: 'privacy:deletion.errors.not_an_open_request' });
  return found;
}

/** Answers the deletion request with the officer's words, and records that the deletion did it. */
async function answerWithDeletion(tx: Tx, ctx: Ctx, found: RequestWithRequester, answer: string) {
  const now = ctx.now();
  const [saved] = await tx
    .update(privacyRequests)
    .set({
      status: 'answered',
      answer,
      answeredAt: now,
      answeredBy: signedInActor(ctx.actor).id,
      accountErasedAt: now,
      updatedAt: now,
    })
    .where(eq(privacyRequests.id, found.request.id))
    .returning();
  await appendAudit(tx, ctx, {
    action: 'privacy_request.answered',
    entityType: 'privacy_request',
    entityId: found.request.id,
    changes: { status: [found.request.status, 'answered'], accountErased: true },
  });
  // Told at the address the request came from, kept from before the erasure (the answer is owed).
  await tellRequester(tx, ctx, { request: saved!, requester: found.requester });
}

/** A file is in progress once submitted, until it is refused, withdrawn, or its coaching closed. */
const inProgress = (app: { status: string; coachingClosedAt: Date | null }) =>
  !['draft', 'refused', 'withdrawn'].includes(app.status) &&
  !(app.status === 'accepted' && app.coachingClosedAt);

/**
 * The privacy officer confirms a person's request to delete their account. Refused while one of their
 * files is in progress. In one transaction: the account's identifiers and every way to sign in are
 * removed, their e-mails forgotten, and their finished applications anonymised — except files under
 * a legal hold and, through their own retention, signed agreements and payments, which the law keeps.
 * Given the person's open deletion request, the same transaction answers it (decision 42).
 */
export async function deleteAccount(ctx: Ctx, userId: string, input: unknown) {
  authorize(ctx.actor, 'account.delete');
  if (!UUID_PATTERN.test(userId)) throw new AppError('not_found');
  const { reason, requestId } = parseInput(deletionInput, input, 'privacy');
  const account = await contactOf(ctx.db, userId);
  if (!account) throw new AppError('not_found');
  if (ctx.actor.kind === 'user' && ctx.actor.id === userId)
    throw new AppError('conflict', { key: 'privacy:deletion.errors.own_account' });
  return transaction(ctx, async (tx) => {
    const request = requestId ? await openDeletionRequest(tx, userId, requestId) : null;
    const files = await applicationsOfApplicant(tx, userId);
    const open = files.filter(inProgress);
    if (open.length > 0)
      throw new AppError('conflict', {
        key: 'privacy:deletion.errors.file_in_progress',
        extra: { applicationIds: open.map((f) => f.id) },
      });
    const held = await heldApplicationIds(
      tx,
      files.map((f) => f.id),
    );
    const anonymised = await anonymiseApplications(
      tx,
      files.map((f) => f.id).filter((id) => !held.has(id)),
      ctx.now(),
    );
    const address = await eraseAccount(tx, userId, ctx.now());
    if (address) await forgetMailTo(tx, address);
    if (request) await answerWithDeletion(tx, ctx, request, reason);
    // The audit names the account by id only: its address is what was just removed.
    await appendAudit(tx, ctx, {
      action: 'account.delete',
      entityType: 'user',
      entityId: userId,
      changes: {
        reason,
        role: account.role,
        applicationsAnonymised: anonymised,
        applicationsHeld: held.size,
        requestId: requestId ?? null,
      },
    });
    return {
      userId,
      erasedAt: ctx.now(),
      applicationsAnonymised: anonymised,
      applicationsHeld: held.size,
      requestId: requestId ?? null,
    };
  });
}
