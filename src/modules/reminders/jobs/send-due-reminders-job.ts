import type { Ctx } from '../../../platform/context.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { sendDueReminders } from '../use-cases/send-due-reminders.ts';

export const SEND_DUE_REMINDERS_JOB = 'reminders.send-due';

/** Every hour, the reminders that have come due (a session tomorrow is reminded 23 to 24 hours ahead). */
export function sendDueRemindersJob(contextFor: (label: string) => Ctx): JobDefinition {
  return {
    name: SEND_DUE_REMINDERS_JOB,
    schedule: '5 * * * *',
    handler: async () => {
      await sendDueReminders(contextFor(SEND_DUE_REMINDERS_JOB));
    },
  };
}
