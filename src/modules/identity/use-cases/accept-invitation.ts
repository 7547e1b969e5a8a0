import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { digest, hashPassword } from '../../../platform/auth/crypto.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { insertUser } from '../db/insert-user.ts';
import { findUserByEmail } from '../db/queries.ts';
import { openSession } from '../db/session-store.ts';
import { invitations } from '../db/tables.ts';
import { emailField, localeField, newPasswordField, personNameField } from '../domain/fields.ts';
import { requiresSecondFactor } from '../domain/sessions.ts';
import { viewOf } from './get-invitation.ts';

export const acceptInvitationInput = z.strictObject({
  token: z.string().min(10).max(200),
  name: personNameField,
  /** Only for the first-run link, which is not addressed to anyone; otherwise the invitation's address is used. */
  email: emailField.optional(),
  password: newPasswordField,
  locale: localeField.optional(),
});

/** Creates the invited account, uses up the invitation and signs the person in. */
export async function acceptInvitation(
  ctx: Ctx,
  input: unknown,
): Promise<{ userId: string; sessionToken: string; expiresAt: Date; next: 'done' | 'enrol_second_factor' }> {
  authorize(ctx.actor, 'invitation.accept');
  const data = parseInput(acceptInvitationInput, input, 'identity');
  const passwordHash = await hashPassword(data.password);
  const now = ctx.now();
  return transaction(ctx, async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, digest(data.token)))
      .for('update');
    const view = viewOf(invitation, now);
    if (view.state !== 'valid' || !invitation) {
      throw new AppError(view.state === 'unknown' ? 'not_found' : 'conflict', {
        key: `identity:errors.invitation_${view.state}`,
      });
    }
    const email = invitation.email ?? data.email;
    if (!email) throw fieldError('email', 'common:validation.required');
    if (await findUserByEmail(tx, email)) throw fieldError('email', 'identity:validation.email_taken');
    const user = {
      id: newId(),
      email,
      name: data.name,
      role: invitation.role,
      locale: data.locale ?? invitation.locale,
      passwordHash,
      lastSignInAt: now,
      emailVerifiedAt: now, // the invitation reached this address
      createdAt: now,
      updatedAt: now,
    };
    await insertUser(tx, user);
    await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: user.id })
      .where(eq(invitations.id, invitation.id));
    const session = await openSession(tx, user, { now, ip: ctx.ip, userAgent: ctx.userAgent });
    await appendAudit(tx, ctx, {
      action: 'user.invitation_accepted',
      entityType: 'user',
      entityId: user.id,
      changes: { email, role: user.role, invitationId: invitation.id },
      as: user,
    });
    return {
      userId: user.id,
      sessionToken: session.token,
      expiresAt: session.expiresAt,
      next: requiresSecondFactor({ role: user.role, totpEnabledAt: null }) ? 'enrol_second_factor' : 'done',
    };
  });
}
