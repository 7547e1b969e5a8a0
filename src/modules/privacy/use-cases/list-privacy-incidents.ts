import { desc } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { privacyIncidents } from '../db/incident-tables.ts';

export type PrivacyIncident = typeof privacyIncidents.$inferSelect;

/** The whole register, the incident learned of last first (a copy goes to the Commission on request). */
export async function listPrivacyIncidents(ctx: Ctx): Promise<PrivacyIncident[]> {
  authorize(ctx.actor, 'privacy_incident.read');
  return ctx.db
    .select()
    .from(privacyIncidents)
    .orderBy(desc(privacyIncidents.learnedOn), desc(privacyIncidents.recordedAt));
}
