import type { Locale } from '../../../kernel/locale.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { activeAccount, activeUsersWithRole } from '../../identity/index.ts';
import type { Side } from '../domain/sides.ts';
import type { ThreadFile } from './load-thread.ts';

export type Recipient = { id: string; email: string; name: string; locale: Locale };

/**
 * Who is told of a message written by `side`: for the retailer's, their expert, or while none is
 * assigned the program's coordinators (administrators when there is no coordinator: nobody is left
 * without someone to read them); for the team's, the retailer's account.
 */
export async function noticeRecipients(db: Executor, file: ThreadFile, side: Side): Promise<Recipient[]> {
  if (side === 'staff') {
    const applicant = file.applicantId ? await activeAccount(db, file.applicantId) : undefined;
    return applicant ? [applicant] : [];
  }
  const expert = file.assignedExpertUserId ? await activeAccount(db, file.assignedExpertUserId) : undefined;
  if (expert) return [expert];
  const coordinators = await activeUsersWithRole(db, ['coordinator']);
  return coordinators.length > 0 ? coordinators : activeUsersWithRole(db, ['admin']);
}
