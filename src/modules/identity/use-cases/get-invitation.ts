import { eq } from 'drizzle-orm';
import { digest } from '../../../platform/auth/crypto.ts';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { invitations } from '../db/tables.ts';

export type InvitationView =
  | { state: 'valid'; email: string | null; role: string; locale: 'fr' | 'en'; expiresAt: Date }
  | { state: 'used' | 'expired' | 'unknown' };

/** What an invitation link leads to, so the page can say plainly why it cannot be used. */
export async function getInvitation(ctx: Ctx, token: string): Promise<InvitationView> {
  authorize(ctx.actor, 'invitation.accept');
  if (token.length < 10 || token.length > 200) return { state: 'unknown' };
  const [invitation] = await ctx.db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, digest(token)));
  return viewOf(invitation, ctx.now());
}

export function viewOf(invitation: typeof invitations.$inferSelect | undefined, now: Date): InvitationView {
  if (!invitation) return { state: 'unknown' };
  if (invitation.acceptedAt) return { state: 'used' };
  if (invitation.revokedAt || invitation.expiresAt <= now) return { state: 'expired' };
  return {
    state: 'valid',
    email: invitation.email,
    role: invitation.role,
    locale: invitation.locale,
    expiresAt: invitation.expiresAt,
  };
}
