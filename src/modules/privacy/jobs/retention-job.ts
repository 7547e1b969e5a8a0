import type { Ctx } from '../../../platform/context.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { runRetention } from '../use-cases/run-retention.ts';
import { RETENTION_JOB, startRetentionRun } from '../use-cases/start-retention-run.ts';

/**
 * A queued run (the officer's or the API's), or, every night at 3:40 (after the exports' clean-up), a
 * real run of the schedule. A failed run is recorded as such rather than retried.
 */
export function retentionJob(contextFor: (label: string) => Ctx): JobDefinition {
  return {
    name: RETENTION_JOB,
    schedule: '40 3 * * *',
    retryLimit: 0,
    handler: async (data) => {
      const ctx = contextFor(RETENTION_JOB);
      const id =
        typeof data.id === 'string'
          ? data.id
          : (await startRetentionRun(ctx, { dryRun: false }, { queue: false })).id;
      await runRetention(ctx, id);
    },
  };
}
