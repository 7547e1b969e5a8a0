import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { fieldError, uniqueViolation } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findAccountByEmail, renameUser } from '../../identity/index.ts';
import { defaultProgram } from '../../programs/index.ts';
import { expertsWithLoad } from '../db/queries.ts';
import { experts } from '../db/tables.ts';
import { capacityField, languagesField, regionsField, specialtiesField } from '../domain/fields.ts';

export const createExpertInput = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'common:validation.email' })),
  name: z.string().trim().min(1).max(120).optional(),
  regions: regionsField,
  languages: languagesField,
  specialties: specialtiesField,
  capacity: capacityField,
  programId: z.uuid().optional(),
});

/** An expert profile, linked to the expert account with that e-mail address (program team). */
export async function createExpert(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'expert.manage');
  const data = parseInput(createExpertInput, input, 'experts');
  const account = await findAccountByEmail(ctx.db, data.email);
  if (!account?.active || account.role !== 'expert')
    throw fieldError('email', 'experts:validation.not_an_expert_account');
  const programId = data.programId ?? (await defaultProgram(ctx)).id;
  const id = newId();
  await transaction(ctx, async (tx) => {
    try {
      await tx.insert(experts).values({
        id,
        programId,
        userId: account.id,
        regions: data.regions,
        languages: data.languages,
        specialties: data.specialties,
        capacity: data.capacity,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      });
    } catch (error) {
      if (uniqueViolation(error)) throw fieldError('email', 'experts:validation.already_expert');
      throw error;
    }
    if (data.name && data.name !== account.name) {
      await renameUser(tx, account.id, data.name, ctx.now());
    }
    const { email: _, ...profile } = data;
    await appendAudit(tx, ctx, {
      action: 'expert.created',
      entityType: 'expert',
      entityId: id,
      changes: { ...profile, userId: account.id },
    });
  });
  return (await expertsWithLoad(ctx.db, { ids: [id] })).map(view)[0]!;
}

/** An expert as the API shows it. */
export const view = (e: Awaited<ReturnType<typeof expertsWithLoad>>[number]) => ({
  id: e.id,
  userId: e.userId,
  email: e.email,
  name: e.name,
  regions: e.regions,
  languages: e.languages,
  specialties: e.specialties,
  capacity: e.capacity,
  activeFiles: e.activeFiles,
  status: e.status,
});
