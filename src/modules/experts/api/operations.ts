import { z } from 'zod';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { confirmAssignments, confirmAssignmentsInput } from '../use-cases/confirm-assignments.ts';
import { createExpert, createExpertInput } from '../use-cases/create-expert.ts';
import { getExpert } from '../use-cases/get-expert.ts';
import { listExperts, listExpertsInput } from '../use-cases/list-experts.ts';
import { proposalInput, proposeAssignments } from '../use-cases/propose-assignments.ts';
import { updateExpert, updateExpertInput } from '../use-cases/update-expert.ts';

const expert = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  regions: z.array(z.string()),
  languages: z.array(z.string()),
  specialties: z.array(z.string()),
  capacity: z.number().int(),
  activeFiles: z.number().int(),
  status: z.enum(['active', 'on_leave']),
});

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
    handle: (ctx, { body }) => createExpert(ctx, body),
  }),
  defineOperation({
    operationId: 'listExperts',
    method: 'get',
    path: '/experts',
    summary: 'Every expert with their active files (program team); programId: those of one program',
    tag: 'experts',
    access: 'user',
    query: listExpertsInput,
    response: z.object({ items: z.array(expert) }),
    handle: (ctx, { query }) => listExperts(ctx, query),
  }),
  defineOperation({
    operationId: 'getExpert',
    method: 'get',
    path: '/experts/{id}',
    summary: 'One expert profile (program team, or the expert themselves)',
    tag: 'experts',
    access: 'user',
    response: expert,
    handle: (ctx, { params }) => getExpert(ctx, params.id!),
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
    handle: (ctx, { params, body }) => updateExpert(ctx, params.id!, body),
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
    response: z.object({
      assignments: z.array(
        z.object({
          applicationId: z.uuid(),
          expertId: z.uuid(),
          score: z.number().int(),
          reasons: z.array(z.string()),
          business: z.string().nullable(),
          expert: z.string().nullable(),
        }),
      ),
      unassigned: z.array(
        z.object({ applicationId: z.uuid(), reason: z.string(), business: z.string().nullable() }),
      ),
    }),
    handle: (ctx, { body }) => proposeAssignments(ctx, body),
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
    handle: (ctx, { body }) => confirmAssignments(ctx, body),
  }),
];
