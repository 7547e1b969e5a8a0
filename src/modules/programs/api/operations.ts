import { z } from 'zod';
import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { createProgram, createProgramInput } from '../use-cases/create-program.ts';
import { updateProgramSettings, updateProgramSettingsInput } from '../use-cases/update-program-settings.ts';

export const programOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'createProgram',
    method: 'post',
    path: '/programs',
    summary:
      'Create a program, or copy one (copyFrom: its settings, descriptions, criteria, consent texts and questionnaire) (administrators)',
    tag: 'programs',
    access: 'user',
    body: createProgramInput,
    successStatus: 201,
    response: z.object({ id: z.uuid(), slug: z.string() }),
    handle: (ctx, { body }) => createProgram(ctx, body),
  }),
  defineOperation({
    operationId: 'updateProgramSettings',
    method: 'patch',
    path: '/programs/{id}',
    summary:
      'Change names, descriptions, target, intake window, automated-decision notice, coaching hours or the team’s contact address (administrators)',
    tag: 'programs',
    access: 'user',
    body: updateProgramSettingsInput,
    successStatus: 204,
    handle: (ctx, { params, body }) => updateProgramSettings(ctx, params.id!, body),
  }),
];
