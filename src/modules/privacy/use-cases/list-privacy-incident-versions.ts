import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { privacyIncidentVersions } from '../db/incident-tables.ts';
import { getPrivacyIncident } from './get-privacy-incident.ts';

/** An entry's earlier versions, the latest replaced first (the register itself shows the current one). */
export async function listPrivacyIncidentVersions(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'privacy_incident.read');
  await getPrivacyIncident(ctx, id);
  return ctx.db
    .select()
    .from(privacyIncidentVersions)
    .where(eq(privacyIncidentVersions.incidentId, id))
    .orderBy(desc(privacyIncidentVersions.version));
}
