import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { programSettings } from '../db/queries.ts';
import { REMINDER_RULES, type ReminderKind, type ReminderKindRule } from '../domain/kinds.ts';

export type ReminderSettingView = ReminderKindRule & { kind: ReminderKind; enabled: boolean; days: number };

/** A program's reminders as the program team sets them: each kind on or off, its delay, and its rule. */
export async function getReminderSettings(ctx: Ctx, programId: string): Promise<ReminderSettingView[]> {
  authorize(ctx.actor, 'reminder.configure');
  const program = await getProgram(ctx, programId);
  return (await programSettings(ctx.db, program.id)).map((s) => ({ ...REMINDER_RULES[s.kind], ...s }));
}
