import { sendDueSurveysJob } from '../modules/coaching/jobs/send-due-surveys-job.ts';
import { settleOffersJob } from '../modules/funding/jobs/settle-offers-job.ts';
import { deliverMessageJob } from '../modules/outreach/jobs/deliver-message-job.ts';
import { buildDataExportJob, eraseExpiredDataExportsJob } from '../modules/privacy/jobs/data-export-jobs.ts';
import { remindDueRequestsJob } from '../modules/privacy/jobs/request-reminder-job.ts';
import { retentionJob } from '../modules/privacy/jobs/retention-job.ts';
import { sendDueRemindersJob } from '../modules/reminders/jobs/send-due-reminders-job.ts';
import { deleteExpiredExportsJob, runExportJob } from '../modules/reporting/jobs/export-jobs.ts';
import { settleWorkshopsJob } from '../modules/workshops/jobs/settle-workshops-job.ts';
import type { Config } from '../platform/config.ts';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/client.ts';
import type { JobDefinition } from '../platform/jobs/jobs.ts';
import { sendMailJob } from '../platform/mail/send-mail-job.ts';

/** Every kind of background work; `contextFor` gives handlers a system context once services run. */
export function jobDefinitions(config: Config, db: Db, contextFor: (label: string) => Ctx): JobDefinition[] {
  return [
    sendMailJob(config, db),
    sendDueSurveysJob(contextFor),
    sendDueRemindersJob(contextFor),
    settleOffersJob(contextFor),
    runExportJob(contextFor),
    deleteExpiredExportsJob(contextFor),
    buildDataExportJob(contextFor),
    eraseExpiredDataExportsJob(contextFor),
    retentionJob(contextFor),
    deliverMessageJob(contextFor),
    remindDueRequestsJob(contextFor),
    settleWorkshopsJob(contextFor),
  ];
}
