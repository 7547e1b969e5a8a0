import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import {
  actionPlans,
  closures,
  coachingSessions,
  outcomeSurveys,
  planActions,
  reopenings,
  supplierRatings,
} from './tables.ts';

/**
 * Removes the free text of businesses' coaching (notes, summaries, places, plans, reasons, comments),
 * which may name people; keeps what reports count (sessions held and their minutes, plan status and
 * costs, closure outcomes, survey answers other than comments).
 */
export async function anonymiseCoaching(tx: Tx, applicationIds: string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  const ids = applicationIds;
  await tx
    .update(coachingSessions)
    .set({ location: null, notes: null, summary: null })
    .where(inArray(coachingSessions.applicationId, ids));
  await tx
    .update(actionPlans)
    .set({ currentState: '', goals: '', timeline: '' })
    .where(inArray(actionPlans.applicationId, ids));
  await tx
    .update(planActions)
    .set({ objective: '', steps: '', owner: '', note: '' })
    .where(inArray(planActions.applicationId, ids));
  await tx.update(closures).set({ reason: null }).where(inArray(closures.applicationId, ids));
  await tx
    .update(reopenings)
    .set({ reason: '', closureReason: null })
    .where(inArray(reopenings.applicationId, ids));
  await tx.update(supplierRatings).set({ comment: null }).where(inArray(supplierRatings.applicationId, ids));
  await tx
    .update(outcomeSurveys)
    .set({ answers: sql`${outcomeSurveys.answers} - 'comments'` })
    .where(inArray(outcomeSurveys.applicationId, ids));
}
