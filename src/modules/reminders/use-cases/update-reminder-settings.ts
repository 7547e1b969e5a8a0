import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { programSettings } from '../db/queries.ts';
import { reminderSettings } from '../db/tables.ts';
import { MAX_REMINDER_DAYS, REMINDER_KINDS } from '../domain/kinds.ts';

export const updateReminderSettingsInput = z.strictObject({
  reminders: z
    .array(
      z.strictObject({
        kind: z.enum(REMINDER_KINDS),
        enabled: z.boolean(),
        days: z
          .number({ error: 'reminders:validation.days' })
          .int({ error: 'reminders:validation.days' })
          .min(1, { error: 'reminders:validation.days' })
          .max(MAX_REMINDER_DAYS, { error: 'reminders:validation.days' }),
      }),
    )
    .max(REMINDER_KINDS.length)
    .refine((list) => new Set(list.map((r) => r.kind)).size === list.length, {
      error: 'reminders:validation.duplicate_kind',
    }),
});

/**
 * Turns a program's reminders on or off and sets their delays (the program team); the kinds not named
 * keep their setting. Every change audited; the next sweep applies it.
 */
export async function updateReminderSettings(ctx: Ctx, programId: string, input: unknown): Promise<void> {
  authorize(ctx.actor, 'reminder.configure');
  const { reminders } = parseInput(updateReminderSettingsInput, input, 'reminders');
  const program = await getProgram(ctx, programId);
  await transaction(ctx, async (tx) => {
    const before = await programSettings(tx, program.id);
    const changed = reminders.filter((r) => {
      const was = before.find((b) => b.kind === r.kind)!;
      return was.enabled !== r.enabled || was.days !== r.days;
    });
    if (changed.length === 0) return;
    const actor = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    await tx
      .insert(reminderSettings)
      .values(changed.map((r) => ({ programId: program.id, ...r, updatedAt: ctx.now(), updatedBy: actor })))
      .onConflictDoUpdate({
        target: [reminderSettings.programId, reminderSettings.kind],
        set: {
          enabled: sql`excluded.enabled`,
          days: sql`excluded.days`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
        },
      });
    await appendAudit(tx, ctx, {
      action: 'reminder.settings_changed',
      entityType: 'program',
      entityId: program.id,
      changes: Object.fromEntries(
        changed.map((r) => {
          const was = before.find((b) => b.kind === r.kind)!;
          return [
            r.kind,
            [
              { enabled: was.enabled, days: was.days },
              { enabled: r.enabled, days: r.days },
            ],
          ];
        }),
      ),
    });
  });
}
