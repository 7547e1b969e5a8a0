import type { Ctx } from '../../../platform/context.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { DELIVER_MESSAGE_JOB, deliverMessage } from '../use-cases/deliver-message.ts';

/** Hands a message's mails to the outbox (queued by `sendMessage`); retried, it resumes. */
export function deliverMessageJob(contextFor: (label: string) => Ctx): JobDefinition {
  return {
    name: DELIVER_MESSAGE_JOB,
    retryLimit: 5,
    retryDelaySeconds: 30,
    handler: async (data) => {
      await deliverMessage(contextFor(DELIVER_MESSAGE_JOB), String(data.messageId));
    },
  };
}
