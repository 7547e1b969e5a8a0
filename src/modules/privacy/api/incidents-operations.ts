import { downloadReply } from '../../../platform/exports/export.ts';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { incidentInput } from '../domain/incidents.ts';
import {
  presentPrivacyIncident,
  presentPrivacyIncidentHistory,
  presentPrivacyIncidentList,
  privacyIncident,
  privacyIncidentHistory,
  privacyIncidentList,
} from '../presenters/incidents.ts';
import { exportIncidentRegister } from '../use-cases/export-incident-register.ts';
import { getIncidentNoticeLetter, noticeLetterInput } from '../use-cases/get-incident-notice-letter.ts';
import { getPrivacyIncident } from '../use-cases/get-privacy-incident.ts';
import { listPrivacyIncidentVersions } from '../use-cases/list-privacy-incident-versions.ts';
import { listPrivacyIncidents } from '../use-cases/list-privacy-incidents.ts';
import { recordPrivacyIncident } from '../use-cases/record-privacy-incident.ts';
import { updatePrivacyIncident } from '../use-cases/update-privacy-incident.ts';

const common = { tag: 'privacy', access: 'user' } as const;

/** The confidentiality-incident register, kept by the privacy officer alone (issue 11). */
export const privacyIncidentOperations: ApiOperation[] = [
  defineOperation({
    ...common,
    operationId: 'recordPrivacyIncident',
    method: 'post',
    path: '/privacy-incidents',
    summary:
      'Enter an incident in the register with the regulation’s eight contents, each required (a serious risk requires the dates of the notices)',
    body: incidentInput,
    response: privacyIncident,
    successStatus: 201,
    handle: async (ctx, { body }) => presentPrivacyIncident(await recordPrivacyIncident(ctx, body)),
  }),
  defineOperation({
    ...common,
    operationId: 'listPrivacyIncidents',
    method: 'get',
    path: '/privacy-incidents',
    summary: 'The whole register, the incident learned of last first',
    response: privacyIncidentList,
    handle: async (ctx) => presentPrivacyIncidentList(await listPrivacyIncidents(ctx)),
  }),
  // The register's files match before /privacy-incidents/{id}.
  defineOperation({
    ...common,
    operationId: 'exportPrivacyIncidentsCsv',
    method: 'get',
    path: '/privacy-incidents/register.csv',
    summary: 'The register for the Commission d’accès à l’information, as CSV (one row per incident)',
    produces: 'text/csv',
    handle: async (ctx) => downloadReply(await exportIncidentRegister(ctx, 'csv')),
  }),
  defineOperation({
    ...common,
    operationId: 'exportPrivacyIncidentsPdf',
    method: 'get',
    path: '/privacy-incidents/register.pdf',
    summary: 'The register for the Commission d’accès à l’information, as a tagged PDF',
    produces: 'application/pdf',
    handle: async (ctx) => downloadReply(await exportIncidentRegister(ctx, 'pdf')),
  }),
  defineOperation({
    ...common,
    operationId: 'getPrivacyIncident',
    method: 'get',
    path: '/privacy-incidents/{id}',
    summary: 'One entry of the register',
    response: privacyIncident,
    handle: async (ctx, { params }) => presentPrivacyIncident(await getPrivacyIncident(ctx, params.id!)),
  }),
  defineOperation({
    ...common,
    operationId: 'getPrivacyIncidentNotice',
    method: 'get',
    path: '/privacy-incidents/{id}/notice.pdf',
    summary:
      'The notice letter to a person concerned, as a PDF in their language (`userId` of a Virage account, or `locale`)',
    query: noticeLetterInput,
    produces: 'application/pdf',
    handle: async (ctx, { params, query }) => {
      const { pdf, filename } = await getIncidentNoticeLetter(ctx, params.id!, query);
      return { status: 200, file: new Uint8Array(pdf), contentType: 'application/pdf', filename };
    },
  }),
  defineOperation({
    ...common,
    operationId: 'updatePrivacyIncident',
    method: 'put',
    path: '/privacy-incidents/{id}',
    summary:
      'Bring an entry up to date (a notice sent later, measures added) under the same rules; the former version is kept in its history',
    body: incidentInput,
    response: privacyIncident,
    handle: async (ctx, { params, body }) =>
      presentPrivacyIncident(await updatePrivacyIncident(ctx, params.id!, body)),
  }),
  defineOperation({
    ...common,
    operationId: 'listPrivacyIncidentVersions',
    method: 'get',
    path: '/privacy-incidents/{id}/history',
    summary: 'An entry’s earlier versions, each as it stood before an update, the latest replaced first',
    response: privacyIncidentHistory,
    handle: async (ctx, { params }) =>
      presentPrivacyIncidentHistory(await listPrivacyIncidentVersions(ctx, params.id!)),
  }),
];
