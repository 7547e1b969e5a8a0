import { and, desc, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import { ROLES, type Role } from '../../../kernel/roles.ts';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { invitations } from '../db/tables.ts';
import { rolesInvitableBy } from '../domain/policies.ts';

export type PendingInvitation = { id: string; email: string; role: Role; sentAt: Date; expiresAt: Date };

/**
 * Invitations whose link still works (not accepted, not replaced by a newer one, not expired), newest
 * first, so administrators see who has yet to join. The first-run administrator link has no address
 * and is not an invitation to anyone: it is left out. A coordinator sees only the invitations to roles
 * they may send themselves.
 */
export async function listPendingInvitations(ctx: Ctx): Promise<PendingInvitation[]> {
  authorize(ctx.actor, 'user.invite');
  const roles = ctx.actor.kind === 'user' ? rolesInvitableBy(ctx.actor.role) : ROLES;
  const rows = await ctx.db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      sentAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        isNotNull(invitations.email),
        inArray(invitations.role, [...roles]),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, ctx.now()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
  return rows.map((row) => ({ ...row, email: row.email! }));
}
