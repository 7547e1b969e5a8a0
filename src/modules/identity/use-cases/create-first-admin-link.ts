import { and, count, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { createInvitation, invitationPath } from '../db/invitation-store.ts';
import { users } from '../db/tables.ts';
import { FIRST_ADMIN_LINK_LIFETIME_SECONDS } from '../domain/sessions.ts';

/**
 * First run: while no active administrator exists, a one-time link (valid 24 h) lets the person who
 * installed Virage create the first administrator account. Each call replaces the previous link.
 * Returns undefined once an administrator exists.
 */
export async function createFirstAdminLink(ctx: Ctx): Promise<{ link: string; expiresAt: Date } | undefined> {
  if (ctx.actor.kind !== 'system') return undefined; // only the server at start-up or the CLI
  const [admins] = await ctx.db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
  if (Number(admins?.n) > 0) return undefined;
  return transaction(ctx, async (tx) => {
    const invitation = await createInvitation(
      tx,
      {
        email: null,
        role: 'admin',
        locale: 'fr',
        invitedBy: null,
        lifetimeSeconds: FIRST_ADMIN_LINK_LIFETIME_SECONDS,
      },
      ctx.now(),
    );
    await appendAudit(tx, ctx, {
      action: 'user.first_admin_link_created',
      entityType: 'invitation',
      entityId: invitation.id,
    });
    return {
      link: `${ctx.services.config.publicUrl}${invitationPath(invitation.token)}`,
      expiresAt: invitation.expiresAt,
    };
  });
}
