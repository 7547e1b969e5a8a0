import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { forgetMailTo } from '../../../platform/mail/forget-mail.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { contactOf, eraseAccount } from '../../identity/index.ts';
import { anonymiseApplications, applicationsOfApplicant } from '../../intake/index.ts';
import { heldApplicationIds } from '../db/expired-records.ts';

export const deletionInput = z.strictObject({
  reason: z.string().trim().min(3).max(1000).describe('The request it answers (e.g. its reference)'),
});

/** A file is in progress once submitted, until it is refused, withdrawn, or its coaching closed. */
const inProgress = (app: { status: string; coachingClosedAt: Date | null }) =>
  !['draft', 'refused', 'withdrawn'].includes(app.status) &&
  !(app.status === 'accepted' && app.coachingClosedAt);

/**
 * The privacy officer confirms a person's request to delete their account. Refused while one of their
 * files is in progress. In one transaction: the account's identifiers and every way to sign in are
 * removed, their e-mails forgotten, and their finished applications anonymised — except files under
 * a legal hold and, through their own retention, signed agreements and payments, which the law keeps.
 */
export async function deleteAccount(ctx: Ctx, userId: string, input: unknown) {
  authorize(ctx.actor, 'account.delete');
  if (!UUID_PATTERN.test(userId)) throw new AppError('not_found');
  const { reason } = parseInput(deletionInput, input);
  const account = await contactOf(ctx.db, userId);
  if (!account) throw new AppError('not_found');
  if (ctx.actor.kind === 'user' && ctx.actor.id === userId)
    throw new AppError('conflict', { key: 'privacy:deletion.errors.own_account' });
  return transaction(ctx, async (tx) => {
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
      },
    });
    return { userId, erasedAt: ctx.now(), applicationsAnonymised: anonymised, applicationsHeld: held.size };
  });
}
