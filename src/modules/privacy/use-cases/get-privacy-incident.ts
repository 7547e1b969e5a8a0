import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { privacyIncidents } from '../db/incident-tables.ts';
import type { PrivacyIncident } from './list-privacy-incidents.ts';

/** One entry of the register. */
export async function getPrivacyIncident(ctx: Ctx, id: string): Promise<PrivacyIncident> {
  authorize(ctx.actor, 'privacy_incident.read');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const [incident] = await ctx.db.select().from(privacyIncidents).where(eq(privacyIncidents.id, id));
  if (!incident) throw new AppError('not_found');
  return incident;
}
