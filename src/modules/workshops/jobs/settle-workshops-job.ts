import type { Ctx } from '../../../platform/context.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { settleWorkshops } from '../use-cases/settle-workshops.ts';

export const SETTLE_WORKSHOPS_JOB = 'workshops.settle';

/** Every quarter hour: expired offers pass their place on; ended workshops invite to the satisfaction question. */
export function settleWorkshopsJob(contextFor: (label: string) => Ctx): JobDefinition {
  return {
    name: SETTLE_WORKSHOPS_JOB,
    schedule: '*/15 * * * *',
    handler: async () => {
      await settleWorkshops(contextFor(SETTLE_WORKSHOPS_JOB));
    },
  };
}
