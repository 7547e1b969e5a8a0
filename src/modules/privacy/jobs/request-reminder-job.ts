import type { Ctx } from '../../../platform/context.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { remindDuePrivacyRequests } from '../use-cases/remind-due-privacy-requests.ts';

const REMIND_DUE_REQUESTS_JOB = 'privacy.remind-due-requests';

/** Every morning at 8:00: the officers hear once of each request whose 30-day clock is about to run out. */
export function remindDueRequestsJob(contextFor: (label: string) => Ctx): JobDefinition {
  return {
    name: REMIND_DUE_REQUESTS_JOB,
    schedule: '0 8 * * *',
    handler: async () => {
      await remindDuePrivacyRequests(contextFor(REMIND_DUE_REQUESTS_JOB));
    },
  };
}
