import { downloadReply } from '../../../platform/exports/export.ts';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import {
  presentQuarterlyReport,
  presentQuarterlyReportDetail,
  quarterlyReport,
  quarterlyReportDetail,
  quarterlyReportList,
} from '../presenters/quarterly-reports.ts';
import {
  downloadQuarterlyReport,
  REPORT_FORMATS,
  REPORT_MEDIA_TYPES,
  reportFileQuery,
} from '../use-cases/download-quarterly-report.ts';
import { getQuarterlyReport } from '../use-cases/get-quarterly-report.ts';
import { listQuarterlyReports } from '../use-cases/list-quarterly-reports.ts';
import { produceQuarterlyReport, produceReportInput } from '../use-cases/produce-quarterly-report.ts';

/** The quarterly reports: produced by the program team, read and downloaded by the ministry too. */
export const quarterlyReportOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'produceQuarterlyReport',
    method: 'post',
    path: '/programs/{id}/reports',
    summary:
      'Produce the quarterly report of a fiscal quarter (coordinators, administrators): the indicators after disclosure control, frozen with a SHA-256 checksum. A quarter already reported gets a new version, which requires a reason',
    tag: 'reporting',
    access: 'user',
    body: produceReportInput,
    response: quarterlyReport,
    successStatus: 201,
    handle: async (ctx, { params, body }) =>
      presentQuarterlyReport(await produceQuarterlyReport(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'listQuarterlyReports',
    method: 'get',
    path: '/programs/{id}/reports',
    summary: 'The program’s quarterly reports, every version, newest quarter first',
    tag: 'reporting',
    access: 'user',
    response: quarterlyReportList,
    handle: async (ctx, { params }) => ({
      items: (await listQuarterlyReports(ctx, params.id!)).map(presentQuarterlyReport),
    }),
  }),
  // Before GET /reports/{id}, which would otherwise take « abc.pdf » for an id.
  ...REPORT_FORMATS.map((format) =>
    defineOperation({
      operationId: `downloadQuarterlyReport${format === 'pdf' ? 'Pdf' : 'Xlsx'}`,
      method: 'get',
      path: `/reports/{id}.${format}`,
      summary: `A version of a quarterly report as ${format.toUpperCase()}, in French or English (lang; the reader’s language by default), rendered from its frozen snapshot with its version, producer, date, checksum and disclosure rules`,
      tag: 'reporting',
      access: 'user',
      query: reportFileQuery,
      produces: REPORT_MEDIA_TYPES[format],
      handle: async (ctx, { params, query }) =>
        downloadReply(await downloadQuarterlyReport(ctx, params.id!, format, query)),
    }),
  ),
  defineOperation({
    operationId: 'getQuarterlyReport',
    method: 'get',
    path: '/reports/{id}',
    summary: 'A version of a quarterly report with its frozen figures (canonical JSON, checksummed)',
    tag: 'reporting',
    access: 'user',
    response: quarterlyReportDetail,
    handle: async (ctx, { params }) =>
      presentQuarterlyReportDetail(await getQuarterlyReport(ctx, params.id!)),
  }),
];
