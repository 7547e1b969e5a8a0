import { asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { applications, partnerOrganizations } from '../db/tables.ts';

export const listPartnersInput = z.strictObject({ programId: z.uuid().optional() });

/** Partner organisations with how many retailers each referred (program team), or one program's. */
export async function listPartnerOrganizations(ctx: Ctx, input: unknown = {}) {
  authorize(ctx.actor, 'partner.manage');
  const { programId } = parseInput(listPartnersInput, input, 'intake');
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
    .where(programId ? eq(partnerOrganizations.programId, programId) : undefined)
    .groupBy(partnerOrganizations.id)
    .orderBy(asc(partnerOrganizations.name));
  return { items: rows.map((r) => ({ ...r, referrals: Number(r.referrals) })) };
}
