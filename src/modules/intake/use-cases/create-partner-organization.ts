import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { fieldError, uniqueViolation } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { partnerOrganizations } from '../db/tables.ts';

export const createPartnerInput = z.strictObject({
  programId: z.uuid(),
  name: z.string().trim().min(2).max(200),
  /** Letters and digits; generated when left out. */
  referralCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{4,20}$/, { error: 'intake:validation.referral_code_format' })
    .optional(),
});

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A local partner organisation with its referral code (program team). */
export async function createPartnerOrganization(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'partner.manage');
  const data = parseInput(createPartnerInput, input, 'intake');
  await getProgram(ctx, data.programId);
  const referralCode =
    data.referralCode ??
    Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const organization = {
    id: newId(),
    programId: data.programId,
    name: data.name,
    referralCode,
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
  };
  await transaction(ctx, async (tx) => {
    try {
      await tx.insert(partnerOrganizations).values(organization);
    } catch (error) {
      if (uniqueViolation(error)) throw fieldError('referralCode', 'intake:validation.referral_code_taken');
      throw error;
    }
    await appendAudit(tx, ctx, {
      action: 'partner.created',
      entityType: 'partner_organization',
      entityId: organization.id,
      changes: { name: data.name, referralCode },
    });
  });
  return { id: organization.id, name: organization.name, referralCode };
}
