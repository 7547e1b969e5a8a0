import type { Ctx } from '../../../platform/context.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { sendDueSurveys } from '../use-cases/send-due-surveys.ts';

export const SEND_DUE_SURVEYS_JOB = 'coaching.send-due-surveys';

/** Every morning, the outcome surveys that have come due (six months after closure). */
export function sendDueSurveysJob(contextFor: (label: string) => Ctx): JobDefinition {
  return {
    name: SEND_DUE_SURVEYS_JOB,
    schedule: '0 9 * * *',
    handler: async () => {
      await sendDueSurveys(contextFor(SEND_DUE_SURVEYS_JOB));
    },
  };
}
