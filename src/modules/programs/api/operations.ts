import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { updateProgramSettings, updateProgramSettingsInput } from '../use-cases/update-program-settings.ts';

export const programOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'updateProgramSettings',
    method: 'patch',
    path: '/programs/{id}',
    summary:
      'Change names, descriptions, target, intake window or automated-decision notice (administrators)',
    tag: 'programs',
    access: 'user',
    body: updateProgramSettingsInput,
    successStatus: 204,
    handle: (ctx, { params, body }) => updateProgramSettings(ctx, params.id!, body),
  }),
];
