import { eq, lt, or } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import { destroyOrCount } from '../../../platform/db/destroy-or-count.ts';
import {
  apiTokens,
  emailVerifications,
  invitations,
  passwordResets,
  recoveryCodes,
  sessions,
  users,
} from './tables.ts';

/**
 * Deletes an account at the person's request (Law 25): its name, address and secrets are removed and
 * every way to sign in destroyed; the row stays, emptied, because agreements and payments kept under
 * retention still refer to it. Returns the address it had, for the caller to forget its e-mails.
 */
export async function eraseAccount(tx: Tx, userId: string, at: Date): Promise<string | null> {
  const [before] = await tx
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!before) return null;
  await tx
    .update(users)
    .set({
      email: `erased-${userId}@invalid`,
      name: '',
      passwordHash: null,
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      active: false,
      erasedAt: at,
      updatedAt: at,
    })
    .where(eq(users.id, userId));
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  await tx.delete(apiTokens).where(eq(apiTokens.userId, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
  await tx.delete(emailVerifications).where(eq(emailVerifications.userId, userId));
  await tx
    .update(invitations)
    .set({ email: null })
    .where(or(eq(invitations.acceptedBy, userId), eq(invitations.email, before.email)));
  return before.email;
}

/** Destroys sessions, reset links, address confirmations and invitations expired before `cutoff`. */
export async function destroyExpiredCredentials(tx: Tx, cutoff: Date, dryRun: boolean): Promise<number> {
  const tables = [sessions, passwordResets, emailVerifications, invitations] as const;
  let count = 0;
  for (const table of tables) count += await destroyOrCount(tx, table, lt(table.expiresAt, cutoff), dryRun);
  return count;
}
