import { and, eq, isNull } from 'drizzle-orm';
import type { Locale } from '../../../kernel/locale.ts';
import type { Role } from '../../../kernel/roles.ts';
import { digest, randomToken } from '../../../platform/auth/crypto.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { invitations } from './tables.ts';

export type NewInvitation = { id: string; token: string; expiresAt: Date };

/** Creates an invitation and withdraws any earlier pending one for the same address: only the newest link works. */
export async function createInvitation(
  tx: Executor,
  invitation: {
    email: string | null;
    role: Role;
    locale: Locale;
    invitedBy: string | null;
    lifetimeSeconds: number;
  },
  now: Date,
): Promise<NewInvitation> {
  const pending =
    invitation.email === null ? isNull(invitations.email) : eq(invitations.email, invitation.email);
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(pending, isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
  const token = randomToken();
  const id = newId();
  const expiresAt = new Date(now.getTime() + invitation.lifetimeSeconds * 1000);
  await tx.insert(invitations).values({
    id,
    email: invitation.email,
    role: invitation.role,
    locale: invitation.locale,
    tokenHash: digest(token),
    invitedBy: invitation.invitedBy,
    expiresAt,
    createdAt: now,
  });
  return { id, token, expiresAt };
}

export const invitationPath = (token: string) => `/invitations/${token}`;
