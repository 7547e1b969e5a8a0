import { z } from 'zod';
import { EXPORT_JOB_STATUSES, type ExportJob } from '../../../platform/exports/jobs-table.ts';
import { EXPORT_FORMATS, EXPORT_LISTS } from '../../../platform/exports/table.ts';
import { instant, instantOrNull } from '../../../platform/http/present.ts';
import type { Translate } from '../../../platform/i18n/i18n.ts';

export const exportJobAccepted = z.object({ id: z.uuid(), status: z.enum(EXPORT_JOB_STATUSES) });

export const exportJobDetail = z.object({
  id: z.uuid(),
  list: z.enum(EXPORT_LISTS),
  format: z.enum(EXPORT_FORMATS),
  filters: z.record(z.string(), z.string()),
  status: z.enum(EXPORT_JOB_STATUSES),
  rowsDone: z.number().int(),
  rowsTotal: z.number().int().nullable().describe('Known once every row is read'),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable().describe('The file is deleted then'),
  fileName: z.string().nullable(),
  byteSize: z.number().int().nullable(),
  fileUrl: z.string().nullable().describe('While the job is done: GET it for the file'),
  failure: z.string().nullable().describe('Why it failed, in the reader’s language'),
});

export const presentExportJobAccepted = (job: ExportJob): z.input<typeof exportJobAccepted> => ({
  id: job.id,
  status: job.status,
});

export const presentExportJob = (job: ExportJob, t: Translate): z.input<typeof exportJobDetail> => ({
  id: job.id,
  list: job.list,
  format: job.format,
  filters: job.filters,
  status: job.status,
  rowsDone: job.rowsDone,
  rowsTotal: job.rowsTotal,
  createdAt: instant(job.createdAt),
  finishedAt: instantOrNull(job.finishedAt),
  expiresAt: instantOrNull(job.expiresAt),
  fileName: job.fileName,
  byteSize: job.byteSize,
  fileUrl: job.status === 'done' ? `/api/v1/exports/${job.id}/file` : null,
  failure: job.failure ? t(job.failure) : null,
});
