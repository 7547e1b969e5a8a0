import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { hashPassword } from '../../../platform/auth/crypto.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import {
  findAccountByEmail,
  newPasswordField,
  openRetailerAccount,
  personNameField,
} from '../../identity/index.ts';
import { recordEvent } from '../db/application-writes.ts';
import { findClaim } from '../db/claim-links.ts';
import { applicationClaims, applications } from '../db/tables.ts';
import { claimState } from '../domain/claims.ts';

const token = z.string().min(10).max(200);
const openAccountInput = z.strictObject({
  token,
  name: personNameField,
  password: newPasswordField,
  locale: z.enum(['fr', 'en']).default('fr'),
});

export type ClaimedApplication = {
  applicationId: string;
  /** The account opened and signed in, when the person had none. */
  session?: { sessionToken: string; expiresAt: Date };
};

/**
 * A paper applicant takes their application with the link e-mailed to its address: signed in with
 * that address, it becomes theirs; with no account yet, one is opened (name and password) and signed
 * in. The link works once, until it expires; the application must still have no account.
 */
export async function claimApplication(ctx: Ctx, input: unknown): Promise<ClaimedApplication> {
  authorize(ctx.actor, 'application.claim');
  const raw = parseInput(z.looseObject({ token }), input, 'intake').token;
  const claim = await findClaim(ctx.db, raw);
  const state = claimState(claim, ctx.now());
  if (state !== 'valid' || !claim)
    throw new AppError(state === 'unknown' ? 'not_found' : 'conflict', {
      key: `intake:errors.claim_${state}`,
    });
  const actor = ctx.actor;
  const asThemselves = actor.kind === 'user' && actor.role === 'retailer' && actor.email === claim.email;
  let account: { name: string; passwordHash: string; locale: 'fr' | 'en' } | undefined;
  if (!asThemselves) {
    if (await findAccountByEmail(ctx.db, claim.email))
      throw new AppError('conflict', { key: 'intake:errors.claim_sign_in' });
    const data = parseInput(openAccountInput, input, 'intake');
    account = { name: data.name, passwordHash: await hashPassword(data.password), locale: data.locale };
  }
  return transaction(ctx, async (tx) => {
    const locked = await findClaim(tx, raw, true);
    if (claimState(locked, ctx.now()) !== 'valid' || !locked)
      throw new AppError('conflict', { key: 'intake:errors.claim_claimed' });
    const opened = account
      ? await openRetailerAccount(tx, ctx, { email: locked.email, ...account })
      : undefined;
    const userId = opened?.userId ?? (actor.kind === 'user' ? actor.id : '');
    const taken = await tx
      .update(applications)
      .set({ applicantId: userId, updatedAt: ctx.now() })
      .where(and(eq(applications.id, locked.applicationId), isNull(applications.applicantId)))
      .returning({ id: applications.id });
    if (taken.length === 0) throw new AppError('conflict', { key: 'intake:errors.claim_claimed' });
    await tx
      .update(applicationClaims)
      .set({ claimedAt: ctx.now(), claimedBy: userId })
      .where(eq(applicationClaims.id, locked.id));
    const as = opened ? { id: userId, role: 'retailer', email: locked.email } : undefined;
    await recordEvent(tx, ctx, locked.applicationId, { kind: 'claimed' });
    await appendAudit(tx, ctx, {
      action: 'application.claimed',
      entityType: 'application',
      entityId: locked.applicationId,
      changes: { userId, claimId: locked.id },
      ...(as ? { as } : {}),
    });
    return {
      applicationId: locked.applicationId,
      ...(opened ? { session: { sessionToken: opened.sessionToken, expiresAt: opened.expiresAt } } : {}),
    };
  });
}
