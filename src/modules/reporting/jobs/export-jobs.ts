import type { Ctx } from '../../../platform/context.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { deleteExpiredExports } from '../use-cases/delete-expired-exports.ts';
import { RUN_EXPORT_JOB } from '../use-cases/queue-export.ts';
import { runExport } from '../use-cases/run-export.ts';

const DELETE_EXPIRED_EXPORTS_JOB = 'reporting.delete-expired-exports';

/**
 * A long export, written in the background. A refusal or an error fails the job with its reason rather
 * than retrying; the one retry is for a worker that stopped mid-way, which starts the export over.
 */
export function runExportJob(contextFor: (label: string) => Ctx): JobDefinition {
  return {
    name: RUN_EXPORT_JOB,
    retryLimit: 1,
    handler: async (data) => {
      await runExport(contextFor(RUN_EXPORT_JOB), String(data.id));
    },
  };
}

/** Every night at 3:20: finished exports past their week lose their file. */
export function deleteExpiredExportsJob(contextFor: (label: string) => Ctx): JobDefinition {
  return {
    name: DELETE_EXPIRED_EXPORTS_JOB,
    schedule: '20 3 * * *',
    handler: async () => {
      await deleteExpiredExports(contextFor(DELETE_EXPIRED_EXPORTS_JOB));
    },
  };
}
