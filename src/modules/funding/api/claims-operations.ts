import { exportOperations } from '../../../platform/exports/operations.ts';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { claim, claimPage, presentClaim, presentClaimPage } from '../presenters/claims.ts';
import { createClaim, createClaimInput } from '../use-cases/create-claim.ts';
import { exportClaims } from '../use-cases/export-claims.ts';
import { getClaim } from '../use-cases/get-claim.ts';
import { listClaims, listClaimsInput } from '../use-cases/list-claims.ts';
import { reviewClaim, reviewInput } from '../use-cases/review-claim.ts';
import { submitClaim } from '../use-cases/submit-claim.ts';
import { updateClaim, updateClaimInput } from '../use-cases/update-claim.ts';

export const claimOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'listClaims',
    method: 'get',
    path: '/claims',
    summary:
      'Claims, oldest first, by status, program, application, agreement and review step due; `mine=true`: those waiting for the caller (cursor pagination)',
    tag: 'funding',
    access: 'user',
    query: listClaimsInput,
    response: claimPage,
    handle: async (ctx, { query }) => presentClaimPage(await listClaims(ctx, query)),
  }),
  ...exportOperations({
    operationId: 'exportClaims',
    list: 'claims',
    summary:
      'The claims queue as a file, with the same filters and order as listClaims (the team and finance)',
    tag: 'funding',
    query: listClaimsInput.omit({ cursor: true, limit: true }),
    make: exportClaims,
  }),
  defineOperation({
    operationId: 'createClaim',
    method: 'post',
    path: '/claims',
    summary:
      'Start a draft claim against the retailer’s accepted agreement, numbered within it, with invoices',
    tag: 'funding',
    access: 'user',
    body: createClaimInput,
    response: claim,
    successStatus: 201,
    handle: async (ctx, { body }) => presentClaim(await createClaim(ctx, body)),
  }),
  defineOperation({
    operationId: 'getClaim',
    method: 'get',
    path: '/claims/{id}',
    summary:
      'A claim: invoices, computed amounts, refusals, duplicates, unusual taxes, receipts, review history',
    tag: 'funding',
    access: 'user',
    response: claim,
    handle: async (ctx, { params }) => presentClaim(await getClaim(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'updateClaim',
    method: 'put',
    path: '/claims/{id}',
    summary:
      'Replace a draft’s (or a claim sent back for corrections’) invoices; a stale `version` answers 409',
    tag: 'funding',
    access: 'user',
    body: updateClaimInput,
    response: claim,
    handle: async (ctx, { params, body }) => presentClaim(await updateClaim(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'submitClaim',
    method: 'post',
    path: '/claims/{id}/submission',
    summary:
      'Submit a claim: refused with 422 naming each field (dates, lines, agreement, receipts), else its amounts are computed and its review starts',
    tag: 'funding',
    access: 'user',
    response: claim,
    handle: async (ctx, { params }) => presentClaim(await submitClaim(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'reviewClaim',
    method: 'post',
    path: '/claims/{id}/reviews',
    summary:
      'Decide the claim’s step due (content, financial, payment, second_payment): approve, ask for corrections naming fields, or refuse; separation of duties answers 403',
    tag: 'funding',
    access: 'user',
    body: reviewInput,
    response: claim,
    successStatus: 201,
    handle: async (ctx, { params, body }) => presentClaim(await reviewClaim(ctx, params.id!, body)),
  }),
];
