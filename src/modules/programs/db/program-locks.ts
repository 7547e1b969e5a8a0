import { eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { programs } from './tables.ts';

/** What another module needs of a program it locked: its capacity. */
export type LockedProgram = { id: string; targetRetailers: number };

/**
 * For another module's transaction: locks the program row until `tx` ends, so that moves into or out
 * of the program's places (accepting, withdrawing) happen one at a time and their counts are exact.
 */
export async function lockProgram(tx: Tx, id: string): Promise<LockedProgram> {
  const [program] = await tx
    .select({ id: programs.id, targetRetailers: programs.targetRetailers })
    .from(programs)
    .where(eq(programs.id, id))
    .for('update');
  if (!program) throw new AppError('not_found');
  return program;
}

/** For another module's transaction: sets the notice shown when a decision is made by automated processing. */
export async function setAutomatedDecisionNotice(
  tx: Tx,
  id: string,
  notice: { fr: string; en: string },
): Promise<void> {
  await tx
    .update(programs)
    .set({ automatedDecisionNoticeFr: notice.fr, automatedDecisionNoticeEn: notice.en })
    .where(eq(programs.id, id));
}
