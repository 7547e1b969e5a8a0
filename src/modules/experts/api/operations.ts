import { exportOperations } from '../../../platform/exports/operations.ts';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import {
  confirmation,
  expert,
  expertList,
  presentConfirmation,
  presentExpert,
  presentExperts,
  presentProposal,
  proposal,
} from '../presenters/experts.ts';
import { confirmAssignments, confirmAssignmentsInput } from '../use-cases/confirm-assignments.ts';
import { createExpert, createExpertInput } from '../use-cases/create-expert.ts';
import { exportExperts } from '../use-cases/export-experts.ts';
import { getExpert } from '../use-cases/get-expert.ts';
import { listExperts, listExpertsInput } from '../use-cases/list-experts.ts';
import { proposalInput, proposeAssignments } from '../use-cases/propose-assignments.ts';
import { updateExpert, updateExpertInput } from '../use-cases/update-expert.ts';

export const expertOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'createExpert',
    method: 'post',
    path: '/experts',
    summary: 'An expert profile, linked to the expert account with that e-mail (program team)',
    tag: 'experts',
    access: 'user',
    body: createExpertInput,
    response: expert,
    successStatus: 201,
    handle: async (ctx, { body }) => presentExpert(await createExpert(ctx, body)),
  }),
  defineOperation({
    operationId: 'listExperts',
    method: 'get',
    path: '/experts',
    summary: 'Every expert with their active files (program team); programId: those of one program',
    tag: 'experts',
    access: 'user',
    query: listExpertsInput,
    response: expertList,
    handle: async (ctx, { query }) => presentExperts(await listExperts(ctx, query)),
  }),
  ...exportOperations({
    operationId: 'exportExperts',
    list: 'experts',
    summary: 'Every expert with their workload as a file, as the experts page shows it (program team)',
    tag: 'experts',
    query: listExpertsInput,
    make: exportExperts,
  }),
  defineOperation({
    operationId: 'getExpert',
    method: 'get',
    path: '/experts/{id}',
    summary: 'One expert profile (program team, or the expert themselves)',
    tag: 'experts',
    access: 'user',
    response: expert,
    handle: async (ctx, { params }) => presentExpert(await getExpert(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'updateExpert',
    method: 'patch',
    path: '/experts/{id}',
    summary: 'Change regions, languages, specialties, capacity or availability (program team)',
    tag: 'experts',
    access: 'user',
    body: updateExpertInput,
    response: expert,
    handle: async (ctx, { params, body }) => presentExpert(await updateExpert(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'proposeAssignments',
    method: 'post',
    path: '/assignments/proposal',
    summary:
      'The optimal assignment of accepted retailers without an expert, with reasons; nothing is written',
    tag: 'experts',
    access: 'user',
    body: proposalInput,
    response: proposal,
    handle: async (ctx, { body }) => presentProposal(await proposeAssignments(ctx, body)),
  }),
  defineOperation({
    operationId: 'confirmAssignments',
    method: 'post',
    path: '/assignments',
    summary:
      'Confirm pairs (all or part of a proposal, or by hand); 409 when an expert’s capacity would be exceeded',
    tag: 'experts',
    access: 'user',
    body: confirmAssignmentsInput,
    response: confirmation,
    handle: async (ctx, { body }) => presentConfirmation(await confirmAssignments(ctx, body)),
  }),
];
