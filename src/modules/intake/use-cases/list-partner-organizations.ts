import { asc, count, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { applications, partnerOrganizations } from '../db/tables.ts';

/** Partner organisations with how many retailers each referred (program team). */
export async function listPartnerOrganizations(ctx: Ctx) {
  authorize(ctx.actor, 'partner.manage');
  const rows = await ctx.db
    .select({
      id: partnerOrganizations.id,
      programId: partnerOrganizations.programId,
      name: partnerOrganizations.name,
      referralCode: partnerOrganizations.referralCode,
      referrals: count(applications.id),
    })
    .from(partnerOrganizations)
    .leftJoin(applications, eq(applications.partnerOrganizationId, partnerOrganizations.id))
    .groupBy(partnerOrganizations.id)
    .orderBy(asc(partnerOrganizations.name));
  return { items: rows.map((r) => ({ ...r, referrals: Number(r.referrals) })) };
}
