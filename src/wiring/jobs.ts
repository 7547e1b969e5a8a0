import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/client.ts';
import type { JobDefinition } from '../platform/jobs/jobs.ts';
import { sendMailJob } from '../platform/mail/send-mail-job.ts';

/** Every kind of background work. */
export function jobDefinitions(config: Config, db: Db): JobDefinition[] {
  return [sendMailJob(config, db)];
}
