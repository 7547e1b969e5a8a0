import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { workshops } from '../db/tables.ts';
import { checkDescription, startOf, workshopDate, workshopFields } from './workshop-fields.ts';
import { workshopView } from './workshop-view.ts';

export const createWorkshopsInput = z.strictObject({
  programId: z.uuid(),
  ...workshopFields,
  dates: z
    .array(workshopDate)
    .min(1)
    .max(20)
    .describe('One date, or several for a series (one workshop each, sharing a seriesId)'),
});

/**
 * The program team creates a workshop, or a series of them (one per date, same description, grouped
 * by a series id), as drafts until published. The dates are Montréal wall-clock times in the future.
 */
export async function createWorkshops(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'workshop.manage');
  const data = parseInput(createWorkshopsInput, input, 'workshops');
  const program = await getProgram(ctx, data.programId);
  await checkDescription(ctx, program.id, data);
  const starts = data.dates.map((d, i) => startOf(ctx, d, `dates.${i}.date`));
  const seriesId = starts.length > 1 ? newId() : null;
  const { dates: _dates, programId: _program, ...fields } = data;
  const rows = starts.map((startsAt) => ({
    ...fields,
    place: fields.format === 'in_person' ? (fields.place ?? null) : null,
    link: fields.format === 'online' ? (fields.link ?? null) : null,
    region: fields.audience === 'region' ? (fields.region ?? null) : null,
    facilitatorUserId: fields.facilitatorUserId ?? null,
    id: newId(),
    programId: program.id,
    seriesId,
    startsAt,
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
  }));
  const created = await transaction(ctx, async (tx) => {
    const inserted = await tx.insert(workshops).values(rows).returning();
    for (const w of inserted)
      await appendAudit(tx, ctx, {
        action: 'workshop.created',
        entityType: 'workshop',
        entityId: w.id,
        changes: { seriesId, titleFr: w.titleFr, startsAt: w.startsAt.toISOString(), capacity: w.capacity },
      });
    return inserted;
  });
  return {
    seriesId,
    items: created
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map((w) => workshopView(w, { taken: 0, waiting: 0 })),
  };
}
