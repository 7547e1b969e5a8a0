import type { Ctx } from '../../../platform/context.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { settleOffers } from '../use-cases/settle-offers.ts';

export const SETTLE_OFFERS_JOB = 'funding.settle-offers';

/** Every quarter hour: offers past their deadline expire, those of closed programs are withdrawn. */
export function settleOffersJob(contextFor: (label: string) => Ctx): JobDefinition {
  return {
    name: SETTLE_OFFERS_JOB,
    schedule: '*/15 * * * *',
    handler: async () => {
      await settleOffers(contextFor(SETTLE_OFFERS_JOB));
    },
  };
}
