import type { Executor } from '../../../platform/db/client.ts';
import { fieldError, uniqueViolation } from '../../../platform/errors.ts';
import { users } from './tables.ts';

/** Inserts an account; an address already taken (even by a concurrent request) is a field error, not a crash. */
export async function insertUser(tx: Executor, user: typeof users.$inferInsert): Promise<void> {
  try {
    await tx.insert(users).values(user);
  } catch (error) {
    if (uniqueViolation(error) === 'users_email_key')
      throw fieldError('email', 'identity:validation.email_taken');
    throw error;
  }
}
