import { and, desc, eq, lt, ne, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { cursorField, decodeCursor, limitField, toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { partnerOrganizationOf } from '../db/queries.ts';
import { applications, partnerOrganizations } from '../db/tables.ts';

export const referralsInput = z.strictObject({ cursor: cursorField.optional(), limit: limitField });

/**
 * The retailers a partner referred, with where their application stands: no contact, diagnostic or
 * financial details. Drafts are listed too (the partner may help finish them), without content.
 */
export async function listReferrals(ctx: Ctx, input: unknown) {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'partner.referrals');
  const { cursor, limit } = parseInput(referralsInput, input, 'intake');
  const organizationId = await partnerOrganizationOf(ctx.db, actor.id);
  if (!organizationId) return { organization: null, items: [], nextCursor: null };
  const [organization] = await ctx.db
    .select({
      id: partnerOrganizations.id,
      name: partnerOrganizations.name,
      referralCode: partnerOrganizations.referralCode,
    })
    .from(partnerOrganizations)
    .where(eq(partnerOrganizations.id, organizationId));
  const where: (SQL | undefined)[] = [
    eq(applications.partnerOrganizationId, organizationId),
    ne(applications.status, 'withdrawn'),
  ];
  if (cursor) {
    const [at, id] = decodeCursor(cursor)!;
    const when = new Date(String(at));
    where.push(
      or(
        lt(applications.createdAt, when),
        and(eq(applications.createdAt, when), lt(applications.id, String(id))),
      ),
    );
  }
  const rows = await ctx.db
    .select({
      id: applications.id,
      tradeName: applications.tradeName,
      legalName: applications.legalName,
      municipality: applications.municipalityName,
      status: applications.status,
      submittedAt: applications.submittedAt,
      decidedAt: applications.decidedAt,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .where(and(...where))
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    organization,
    nextCursor: page.nextCursor,
    items: page.items.map(({ createdAt: _, legalName, tradeName, ...r }) => ({
      ...r,
      name: tradeName || legalName,
    })),
  };
}
