import { exportOperations } from '../../../platform/exports/operations.ts';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { aidRulesSchema } from '../domain/aid-rules.ts';
import {
  agreement,
  agreementList,
  aidRulesAnswer,
  amendmentAnswer,
  presentAgreement,
  presentAgreementList,
  presentAidRules,
} from '../presenters/agreements.ts';
import { acceptAgreement, acceptAgreementInput } from '../use-cases/accept-agreement.ts';
import { closeAgreement, closeAgreementInput } from '../use-cases/close-agreement.ts';
import { decideAmendment, decideAmendmentInput } from '../use-cases/decide-amendment.ts';
import { declineAgreement, declineAgreementInput } from '../use-cases/decline-agreement.ts';
import { exportAgreements } from '../use-cases/export-agreements.ts';
import { getAgreement } from '../use-cases/get-agreement.ts';
import { getAgreementLetter } from '../use-cases/get-agreement-letter.ts';
import { getAidRules } from '../use-cases/get-aid-rules.ts';
import { listAgreements, listAgreementsInput } from '../use-cases/list-agreements.ts';
import { offerAgreement, offerAgreementInput } from '../use-cases/offer-agreement.ts';
import { prepareAgreement, prepareAgreementInput } from '../use-cases/prepare-agreement.ts';
import { proposeAmendment, proposeAmendmentInput } from '../use-cases/propose-amendment.ts';
import { setAidRules } from '../use-cases/set-aid-rules.ts';
import { updateAgreement, updateAgreementInput } from '../use-cases/update-agreement.ts';

const common = { tag: 'funding', access: 'user' } as const;

export const agreementsOperations: ApiOperation[] = [
  defineOperation({
    ...common,
    operationId: 'getAidRules',
    method: 'get',
    path: '/programs/{id}/aid-rules',
    summary: 'The program’s aid rules in force (version 0: the defaults, never saved)',
    response: aidRulesAnswer,
    handle: async (ctx, { params }) => presentAidRules(await getAidRules(ctx, params.id!)),
  }),
  defineOperation({
    ...common,
    operationId: 'setAidRules',
    method: 'put',
    path: '/programs/{id}/aid-rules',
    summary: 'Set the program’s aid rules (administrators): a new version, audited; agreements keep theirs',
    body: aidRulesSchema,
    response: aidRulesAnswer,
    handle: async (ctx, { params, body }) => presentAidRules(await setAidRules(ctx, params.id!, body)),
  }),
  defineOperation({
    ...common,
    operationId: 'listAgreements',
    method: 'get',
    path: '/agreements',
    summary: 'Grant agreements by application, program and status, newest first (a retailer sees their own)',
    query: listAgreementsInput,
    response: agreementList,
    handle: async (ctx, { query }) => presentAgreementList(await listAgreements(ctx, query)),
  }),
  ...exportOperations({
    operationId: 'exportAgreements',
    list: 'agreements',
    summary:
      'Grant agreements as a file, with the same filters and order as listAgreements (the team and finance)',
    tag: 'funding',
    query: listAgreementsInput,
    make: exportAgreements,
  }),
  defineOperation({
    ...common,
    operationId: 'prepareAgreement',
    method: 'post',
    path: '/agreements',
    summary:
      'Prepare a draft agreement from an approved action plan: budget lines, other aid, tax registration',
    body: prepareAgreementInput,
    response: agreement,
    successStatus: 201,
    handle: async (ctx, { body }) => ({
      status: 201,
      json: presentAgreement(await prepareAgreement(ctx, body)),
    }),
  }),
  defineOperation({
    ...common,
    operationId: 'getAgreement',
    method: 'get',
    path: '/agreements/{id}',
    summary: 'An agreement: lines, grant with its arithmetic, conditions, claimed, paid and left, amendments',
    response: agreement,
    handle: async (ctx, { params }) => presentAgreement(await getAgreement(ctx, params.id!)),
  }),
  defineOperation({
    ...common,
    operationId: 'updateAgreement',
    method: 'put',
    path: '/agreements/{id}',
    summary: 'Edit a draft agreement; `version` must be the one read (409 otherwise)',
    body: updateAgreementInput,
    response: agreement,
    handle: async (ctx, { params, body }) => presentAgreement(await updateAgreement(ctx, params.id!, body)),
  }),
  defineOperation({
    ...common,
    operationId: 'offerAgreement',
    method: 'post',
    path: '/agreements/{id}/offer',
    summary: 'Offer a draft: freezes the grant and rules version, sets the deadline, e-mails the retailer',
    body: offerAgreementInput,
    response: agreement,
    handle: async (ctx, { params, body }) => presentAgreement(await offerAgreement(ctx, params.id!, body)),
  }),
  defineOperation({
    ...common,
    operationId: 'getAgreementLetter',
    method: 'get',
    path: '/agreements/{id}/letter.pdf',
    summary: 'The letter of offer as a PDF, in the retailer’s language',
    produces: 'application/pdf',
    handle: async (ctx, { params }) => {
      const { pdf, filename } = await getAgreementLetter(ctx, params.id!);
      return { status: 200, file: new Uint8Array(pdf), contentType: 'application/pdf', filename };
    },
  }),
  defineOperation({
    ...common,
    operationId: 'acceptAgreement',
    method: 'post',
    path: '/agreements/{id}/acceptance',
    summary:
      'The retailer accepts the offer (attestation, typed name) before its deadline; commits the grant, or 409 naming the envelope and what is left',
    body: acceptAgreementInput,
    response: agreement,
    handle: async (ctx, { params, body }) => presentAgreement(await acceptAgreement(ctx, params.id!, body)),
  }),
  defineOperation({
    ...common,
    operationId: 'declineAgreement',
    method: 'post',
    path: '/agreements/{id}/decline',
    summary: 'The retailer declines the offer, saying why',
    body: declineAgreementInput,
    response: agreement,
    handle: async (ctx, { params, body }) => presentAgreement(await declineAgreement(ctx, params.id!, body)),
  }),
  defineOperation({
    ...common,
    operationId: 'proposeAmendment',
    method: 'post',
    path: '/agreements/{id}/amendments',
    summary:
      'Propose changed lines: a substituted item, a line changing by more than 20 % or a bigger grant waits for approval; smaller changes apply at once',
    body: proposeAmendmentInput,
    response: amendmentAnswer,
    successStatus: 201,
    handle: async (ctx, { params, body }) => {
      const result = await proposeAmendment(ctx, params.id!, body);
      return { status: 201, json: { ...result, agreement: presentAgreement(result.agreement) } };
    },
  }),
  defineOperation({
    ...common,
    operationId: 'decideAmendment',
    method: 'post',
    path: '/agreements/{id}/amendments/{amendmentId}/decision',
    summary: 'The team approves (re-checked against the envelope) or refuses an amendment',
    body: decideAmendmentInput,
    response: agreement,
    handle: async (ctx, { params, body }) =>
      presentAgreement(await decideAmendment(ctx, params.id!, params.amendmentId!, body)),
  }),
  defineOperation({
    ...common,
    operationId: 'closeAgreement',
    method: 'post',
    path: '/agreements/{id}/closure',
    summary: 'Close an accepted agreement: its unused commitment is released to the envelope',
    body: closeAgreementInput,
    response: agreement,
    handle: async (ctx, { params, body }) => presentAgreement(await closeAgreement(ctx, params.id!, body)),
  }),
];
