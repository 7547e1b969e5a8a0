import { inArray } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import { workshopRegistrations } from './tables.ts';

/**
 * Removes the free text of businesses' workshop registrations (satisfaction comments may name people);
 * keeps what reports count (attendance, minutes, ratings).
 */
export async function anonymiseWorkshopRegistrations(tx: Tx, applicationIds: string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  await tx
    .update(workshopRegistrations)
    .set({ satisfactionComment: null })
    .where(inArray(workshopRegistrations.applicationId, applicationIds));
}
