import { CONTENT_TYPES, downloadReply } from '../../../platform/exports/export.ts';
import { defineOperation } from '../../../platform/http/api.ts';
import {
  exportJobAccepted,
  exportJobDetail,
  presentExportJob,
  presentExportJobAccepted,
} from '../presenters/export-jobs.ts';
import { downloadExport } from '../use-cases/download-export.ts';
import { getExportJob } from '../use-cases/get-export-job.ts';
import { startExport, startExportInput } from '../use-cases/start-export.ts';

/**
 * Exports as jobs, for any length: start one, follow it, download its file (the asker only). Listed
 * after every `GET /exports/<list>.<format>`, which the router then matches first.
 */
export const exportJobOperations = [
  defineOperation({
    operationId: 'startExport',
    method: 'post',
    path: '/exports',
    summary:
      'Export a list in the background, with its filters as its GET /exports/<list>.<format> takes them; e-mails the asker when the file is ready',
    tag: 'exports',
    access: 'user',
    body: startExportInput,
    successStatus: 202,
    response: exportJobAccepted,
    handle: async (ctx, { body }) => {
      const job = await startExport(ctx, body);
      return {
        status: 202,
        json: presentExportJobAccepted(job),
        headers: { Location: `/api/v1/exports/${job.id}` },
      };
    },
  }),
  defineOperation({
    operationId: 'getExportJob',
    method: 'get',
    path: '/exports/{id}',
    summary: 'An export job’s progress, and its file’s address once done (the asker only)',
    tag: 'exports',
    access: 'user',
    response: exportJobDetail,
    handle: async (ctx, { params }) => presentExportJob(await getExportJob(ctx, params.id!), ctx.t),
  }),
  defineOperation({
    operationId: 'downloadExportFile',
    method: 'get',
    path: '/exports/{id}/file',
    summary:
      'The file of a finished export (the asker only; audited); 409 before it is ready, 404 once expired',
    tag: 'exports',
    access: 'user',
    produces: Object.values(CONTENT_TYPES).map((type) => type.split(';')[0]!),
    handle: async (ctx, { params }) => downloadReply(await downloadExport(ctx, params.id!)),
  }),
];
