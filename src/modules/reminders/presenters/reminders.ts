import { z } from 'zod';
import { instantOrNull } from '../../../platform/http/present.ts';
import { RECIPIENTS, REMINDER_KINDS } from '../domain/kinds.ts';
import type { ReminderPreference } from '../use-cases/get-my-reminder-preference.ts';
import type { ReminderSettingView } from '../use-cases/get-reminder-settings.ts';

export const reminderSettingsResponse = z.object({
  reminders: z.array(
    z.object({
      kind: z.enum(REMINDER_KINDS),
      enabled: z.boolean(),
      days: z.number().int().describe('Days after the occasion, or ahead of it when timing is "before"'),
      defaultDays: z.number().int(),
      timing: z.enum(['after', 'before']),
      recipients: z.array(z.enum(RECIPIENTS)),
      stoppable: z.boolean().describe('Whether the person may stop it (PUT /me/reminder-preference)'),
      endsWithIntake: z.boolean().describe('Stops when the program’s intake closes'),
    }),
  ),
});

export const presentReminderSettings = (
  settings: ReminderSettingView[],
): z.input<typeof reminderSettingsResponse> => ({
  reminders: settings.map((s) => ({
    kind: s.kind,
    enabled: s.enabled,
    days: s.days,
    defaultDays: s.defaultDays,
    timing: s.timing,
    recipients: [...s.recipients],
    stoppable: s.stoppable,
    endsWithIntake: s.endsWithIntake,
  })),
});

export const reminderPreferenceResponse = z.object({
  stopped: z.boolean(),
  stoppedAt: z.iso.datetime().nullable(),
});

export const presentReminderPreference = (
  p: ReminderPreference,
): z.input<typeof reminderPreferenceResponse> => ({
  stopped: p.stopped,
  stoppedAt: instantOrNull(p.stoppedAt),
});
