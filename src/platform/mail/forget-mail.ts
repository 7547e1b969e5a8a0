import { and, eq, lt, ne } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { destroyOrCount } from '../db/destroy-or-count.ts';
import { mailOutbox } from './table.ts';

/**
 * Destroys (or counts, for a dry run) the outbox's copies of e-mails made before `cutoff` that are no
 * longer waiting to be sent: their bodies name people (the retention schedule's « sent_mail »).
 */
export async function destroySentMail(tx: Tx, cutoff: Date, dryRun: boolean): Promise<number> {
  const done = and(lt(mailOutbox.createdAt, cutoff), ne(mailOutbox.status, 'queued'));
  return destroyOrCount(tx, mailOutbox, done, dryRun);
}

/** Destroys every copy of e-mails sent to an address (an account deleted at the person's request). */
export async function forgetMailTo(tx: Tx, address: string): Promise<void> {
  await tx.delete(mailOutbox).where(eq(mailOutbox.toAddress, address));
}
