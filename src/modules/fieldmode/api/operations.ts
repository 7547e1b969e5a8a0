import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { presentSyncResult, presentVisitPacks, syncResult, visitPacks } from '../presenters/fieldmode.ts';
import { getVisitPacks, visitPacksInput } from '../use-cases/get-visit-packs.ts';
import { syncCommands, syncCommandsInput } from '../use-cases/sync-commands.ts';

export const fieldModeOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'getVisitPacks',
    method: 'get',
    path: '/visit-packs',
    summary:
      'Visit packs of the expert’s own open files (`applicationIds`, comma-separated): profile, latest diagnostic, plan, sessions and notes, supplier shortlist, each record with its version; no financial data',
    tag: 'fieldmode',
    access: 'user',
    query: visitPacksInput,
    response: visitPacks,
    handle: async (ctx, { query }) => presentVisitPacks(await getVisitPacks(ctx, query)),
  }),
  defineOperation({
    operationId: 'syncCommands',
    method: 'post',
    path: '/sync/commands',
    summary:
      'Changes made offline, as idempotent commands (`commandId` chosen by the device, `baseVersion`): each applied exactly once through the online use cases, answered applied, conflict (both values) or refused (why); files to wipe',
    tag: 'fieldmode',
    access: 'user',
    body: syncCommandsInput,
    response: syncResult,
    handle: async (ctx, { body }) => presentSyncResult(await syncCommands(ctx, body), ctx.locale),
  }),
];
