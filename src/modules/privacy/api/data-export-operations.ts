import { downloadReply } from '../../../platform/exports/export.ts';
import { defineOperation } from '../../../platform/http/api.ts';
import { dataExportAccepted, dataExportDetail, presentDataExport } from '../presenters/data-exports.ts';
import { downloadDataExport } from '../use-cases/download-data-export.ts';
import { getDataExport } from '../use-cases/get-data-export.ts';
import { requestDataExport } from '../use-cases/request-data-export.ts';

/** A copy of my data (Law 25 portability): ask, follow, download (the person, or the privacy officer). */
export const dataExportOperations = [
  defineOperation({
    operationId: 'requestMyDataExport',
    method: 'post',
    path: '/me/data-exports',
    summary:
      'Ask for a copy of my data (a zip of JSON and CSV with a dictionary), built in the background; e-mailed when ready',
    tag: 'privacy',
    access: 'user',
    successStatus: 202,
    response: dataExportAccepted,
    handle: async (ctx) => {
      const accepted = await requestDataExport(ctx);
      return { status: 202, json: accepted, headers: { Location: `/api/v1/me/data-exports/${accepted.id}` } };
    },
  }),
  defineOperation({
    operationId: 'getMyDataExport',
    method: 'get',
    path: '/me/data-exports/{id}',
    summary: 'A copy of my data: its status, and its download address once ready (valid 7 days)',
    tag: 'privacy',
    access: 'user',
    response: dataExportDetail,
    handle: async (ctx, { params }) => presentDataExport(await getDataExport(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'downloadMyDataExport',
    method: 'get',
    path: '/me/data-exports/{id}/file',
    summary: 'The zip of a ready copy (each download audited); 409 before it is ready, 404 once expired',
    tag: 'privacy',
    access: 'user',
    produces: 'application/zip',
    handle: async (ctx, { params }) => downloadReply(await downloadDataExport(ctx, params.id!)),
  }),
];
