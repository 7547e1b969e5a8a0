import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, type FieldIssue } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { workshopRegistrations } from '../db/tables.ts';
import { loadWorkshop } from './load-workshop.ts';
import { registrationView } from './workshop-view.ts';

export const attendanceInput = z
  .array(
    z.strictObject({
      registrationId: z.uuid(),
      present: z.boolean(),
      minutesAttended: z.number().int().min(0).max(480),
    }),
  )
  .min(1)
  .max(1000);

/**
 * The facilitator (or the team) records who came and for how long, once the workshop has started;
 * recording again corrects. Absent means no minutes. Only registrations holding a place are listed.
 */
export async function recordAttendance(ctx: Ctx, workshopId: string, input: unknown) {
  const workshop = await loadWorkshop(ctx, workshopId);
  authorizeVisible(ctx.actor, 'workshop.attendance', workshop);
  const rows = parseInput(attendanceInput, input, 'workshops');
  if (workshop.startsAt.getTime() > ctx.now().getTime())
    throw new AppError('conflict', { key: 'workshops:errors.not_started' });
  const issues: FieldIssue[] = [];
  rows.forEach((row, i) => {
    if (row.minutesAttended > workshop.durationMinutes)
      issues.push({
        path: `${i}.minutesAttended`,
        key: 'workshops:validation.minutes_over',
        params: { max: workshop.durationMinutes },
      });
  });
  const ids = rows.map((r) => r.registrationId);
  const known = await ctx.db
    .select({ id: workshopRegistrations.id })
    .from(workshopRegistrations)
    .where(
      and(
        eq(workshopRegistrations.workshopId, workshop.id),
        eq(workshopRegistrations.status, 'registered'),
        inArray(workshopRegistrations.id, ids),
      ),
    );
  rows.forEach((row, i) => {
    if (!known.some((k) => k.id === row.registrationId))
      issues.push({ path: `${i}.registrationId`, key: 'workshops:validation.not_registered' });
  });
  if (issues.length > 0) throw new AppError('invalid_input', { fields: issues });
  const updated = await transaction(ctx, async (tx) => {
    const out = [];
    for (const row of rows) {
      const minutes = row.present ? row.minutesAttended : 0;
      const [r] = await tx
        .update(workshopRegistrations)
        .set({ present: row.present, minutesAttended: minutes, updatedAt: ctx.now() })
        .where(eq(workshopRegistrations.id, row.registrationId))
        .returning();
      out.push(r!);
    }
    await appendAudit(tx, ctx, {
      action: 'workshop.attendance_recorded',
      entityType: 'workshop',
      entityId: workshop.id,
      changes: { rows: rows.map((r) => ({ ...r, minutesAttended: r.present ? r.minutesAttended : 0 })) },
    });
    return out;
  });
  return { items: updated.map((r) => registrationView(r, null)) };
}
