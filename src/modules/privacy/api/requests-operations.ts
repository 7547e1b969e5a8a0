import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import {
  presentPrivacyRequest,
  presentPrivacyRequestList,
  privacyRequest,
  privacyRequestList,
} from '../presenters/requests.ts';
import { answerPrivacyRequest, answerRequestInput } from '../use-cases/answer-privacy-request.ts';
import { filePrivacyRequest, privacyRequestInput } from '../use-cases/file-privacy-request.ts';
import { getPrivacyRequest } from '../use-cases/get-privacy-request.ts';
import { listPrivacyRequests, listRequestsInput } from '../use-cases/list-privacy-requests.ts';

const common = { tag: 'privacy', access: 'user' } as const;

/** A person's requests about their personal information, and the privacy officer's answers (issue 11). */
export const privacyRequestOperations: ApiOperation[] = [
  defineOperation({
    ...common,
    operationId: 'filePrivacyRequest',
    method: 'post',
    path: '/privacy-requests',
    summary:
      'File a request (access, correction, deletion, withdrawal of a publication, complaint); the answer is due in 30 days, an acknowledgement is e-mailed',
    body: privacyRequestInput,
    response: privacyRequest,
    successStatus: 201,
    handle: async (ctx, { body }) => presentPrivacyRequest(await filePrivacyRequest(ctx, body)),
  }),
  defineOperation({
    ...common,
    operationId: 'listPrivacyRequests',
    method: 'get',
    path: '/privacy-requests',
    summary:
      'The caller’s own requests with `mine=true`; otherwise every request, open ones first and the most overdue first (the privacy officer)',
    query: listRequestsInput,
    response: privacyRequestList,
    handle: async (ctx, { query }) => presentPrivacyRequestList(await listPrivacyRequests(ctx, query)),
  }),
  defineOperation({
    ...common,
    operationId: 'getPrivacyRequest',
    method: 'get',
    path: '/privacy-requests/{id}',
    summary: 'One request with its clock and answer (the person who filed it, the privacy officer)',
    response: privacyRequest,
    handle: async (ctx, { params }) => presentPrivacyRequest(await getPrivacyRequest(ctx, params.id!)),
  }),
  defineOperation({
    ...common,
    operationId: 'answerPrivacyRequest',
    method: 'post',
    path: '/privacy-requests/{id}/answer',
    summary:
      'The privacy officer takes a request up (`in_progress`), answers it or refuses it with reasons (`answer` required); the person is e-mailed in their language',
    body: answerRequestInput,
    response: privacyRequest,
    handle: async (ctx, { params, body }) =>
      presentPrivacyRequest(await answerPrivacyRequest(ctx, params.id!, body)),
  }),
];
