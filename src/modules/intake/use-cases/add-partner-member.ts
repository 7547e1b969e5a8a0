import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findAccountByEmail } from '../../identity/index.ts';
import { partnerMembers, partnerOrganizations } from '../db/tables.ts';

export const addPartnerMemberInput = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'common:validation.email' })),
});

/** Lets a partner account see its organisation's referrals (program team). */
export async function addPartnerMember(ctx: Ctx, organizationId: string, input: unknown): Promise<void> {
  authorize(ctx.actor, 'partner.manage');
  if (!UUID_PATTERN.test(organizationId)) throw new AppError('not_found');
  const { email } = parseInput(addPartnerMemberInput, input, 'intake');
  const [organization] = await ctx.db
    .select()
    .from(partnerOrganizations)
    .where(eq(partnerOrganizations.id, organizationId));
  if (!organization) throw new AppError('not_found');
  const account = await findAccountByEmail(ctx.db, email);
  if (account?.role !== 'partner') throw fieldError('email', 'intake:validation.not_a_partner_account');
  await transaction(ctx, async (tx) => {
    await tx
      .insert(partnerMembers)
      .values({ userId: account.id, organizationId })
      .onConflictDoUpdate({ target: partnerMembers.userId, set: { organizationId } });
    await appendAudit(tx, ctx, {
      action: 'partner.member_added',
      entityType: 'partner_organization',
      entityId: organizationId,
      changes: { email },
    });
  });
}
