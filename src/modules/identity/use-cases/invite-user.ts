import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { fieldError } from '../../../platform/errors.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { createInvitation, invitationPath } from '../db/invitation-store.ts';
import { findUserByEmail } from '../db/queries.ts';
import { emailField, localeField, roleField } from '../domain/fields.ts';
import { INVITATION_LIFETIME_SECONDS } from '../domain/sessions.ts';

export const inviteUserInput = z.strictObject({
  email: emailField,
  role: roleField,
  /** Language of the invitation e-mail and of the new account. */
  locale: localeField.default('fr'),
});

export type InvitationSent = { id: string; email: string; role: string; expiresAt: Date; link: string };

/** Invites someone by e-mail to create an account with a role; the link works once, for seven days. */
export async function inviteUser(ctx: Ctx, input: unknown): Promise<InvitationSent> {
  authorize(ctx.actor, 'user.invite');
  const { email, role, locale } = parseInput(inviteUserInput, input, 'identity');
  authorize(ctx.actor, 'user.invite', { role });
  if (await findUserByEmail(ctx.db, email)) throw fieldError('email', 'identity:validation.email_taken');
  const now = ctx.now();
  return transaction(ctx, async (tx) => {
    const invitation = await createInvitation(
      tx,
      {
        email,
        role,
        locale,
        invitedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        lifetimeSeconds: INVITATION_LIFETIME_SECONDS,
      },
      now,
    );
    const link = `${ctx.services.config.publicUrl}${invitationPath(invitation.token)}`;
    await queueMail(tx, ctx, {
      to: email,
      locale,
      template: 'identity:mail.invitation',
      params: {
        inviter: ctx.actor.kind === 'user' ? ctx.actor.name : 'Virage',
        role: ctx.services.i18n.getFixedT(locale)(`identity:roles.${role}`),
        days: INVITATION_LIFETIME_SECONDS / 86400,
      },
      actionUrl: link,
    });
    await appendAudit(tx, ctx, {
      action: 'user.invited',
      entityType: 'invitation',
      entityId: invitation.id,
      changes: { email, role, locale },
    });
    return { id: invitation.id, email, role, expiresAt: invitation.expiresAt, link };
  });
}
