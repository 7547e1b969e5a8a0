import type { Ctx } from '../../../platform/context.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { buildDataExport } from '../use-cases/build-data-export.ts';
import { eraseExpiredDataExports } from '../use-cases/erase-expired-data-exports.ts';
import { BUILD_DATA_EXPORT_JOB } from '../use-cases/request-data-export.ts';

const ERASE_EXPIRED_DATA_EXPORTS_JOB = 'privacy.erase-expired-data-exports';

/** A person's copy of their data, built in the background (retried: building it again is harmless). */
export function buildDataExportJob(contextFor: (label: string) => Ctx): JobDefinition {
  return {
    name: BUILD_DATA_EXPORT_JOB,
    retryLimit: 3,
    handler: async (data) => {
      await buildDataExport(contextFor(BUILD_DATA_EXPORT_JOB), String(data.id));
    },
  };
}

/** Every night at 3:40: copies past their week lose their content. */
export function eraseExpiredDataExportsJob(contextFor: (label: string) => Ctx): JobDefinition {
  return {
    name: ERASE_EXPIRED_DATA_EXPORTS_JOB,
    schedule: '40 3 * * *',
    handler: async () => {
      await eraseExpiredDataExports(contextFor(ERASE_EXPIRED_DATA_EXPORTS_JOB));
    },
  };
}
