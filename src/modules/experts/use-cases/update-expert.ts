import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { renameUser } from '../../identity/index.ts';
import { expertsWithLoad } from '../db/queries.ts';
import { experts } from '../db/tables.ts';
import { capacityField, languagesField, regionsField, specialtiesField } from '../domain/fields.ts';
import { view } from './create-expert.ts';

export const updateExpertInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    regions: regionsField,
    languages: languagesField,
    specialties: specialtiesField,
    capacity: capacityField,
    status: z.enum(['active', 'on_leave']),
  })
  .partial();

/** Changes an expert's profile, capacity or availability (program team); lowering capacity below the files held is refused. */
export async function updateExpert(ctx: Ctx, id: string, input: unknown) {
  authorize(ctx.actor, 'expert.manage');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const { name, ...changes } = parseInput(updateExpertInput, input, 'experts');
  await transaction(ctx, async (tx) => {
    const [current] = await tx.select().from(experts).where(eq(experts.id, id)).for('update');
    if (!current) throw new AppError('not_found');
    const [load] = await expertsWithLoad(tx, { ids: [id] });
    if (changes.capacity !== undefined && changes.capacity < load!.activeFiles) {
      throw new AppError('invalid_input', {
        fields: [
          {
            path: 'capacity',
            key: 'experts:validation.capacity_below_load',
            params: { files: load!.activeFiles },
          },
        ],
      });
    }
    await tx
      .update(experts)
      .set({ ...changes, updatedAt: ctx.now() })
      .where(eq(experts.id, id));
    if (name) await renameUser(tx, current.userId, name, ctx.now());
    const diff = Object.fromEntries(
      Object.entries({ ...changes, ...(name ? { name } : {}) }).map(([k, v]) => [
        k,
        [k === 'name' ? load!.name : current[k as keyof typeof current], v],
      ]),
    );
    await appendAudit(tx, ctx, {
      action: 'expert.changed',
      entityType: 'expert',
      entityId: id,
      changes: diff,
    });
  });
  return view((await expertsWithLoad(ctx.db, { ids: [id] }))[0]!);
}
