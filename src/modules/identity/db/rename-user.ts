import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { users } from './tables.ts';

/**
 * Changes the name on an account, inside the caller's transaction: for another module that keeps a
 * person's name with its own record (an expert's profile) and audits the change itself.
 */
export async function renameUser(tx: Executor, userId: string, name: string, at: Date): Promise<void> {
  await tx.update(users).set({ name, updatedAt: at }).where(eq(users.id, userId));
}
