import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { presentSignal, signal, signalPage } from '../presenters/signals.ts';
import { listSignals, listSignalsInput } from '../use-cases/list-signals.ts';
import { resolveSignal, resolveSignalInput } from '../use-cases/resolve-signal.ts';

/** Abuse signals: the program team and finance read them and decide (decision 41). */
export const signalOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'listSignals',
    method: 'get',
    path: '/signals',
    summary:
      'Abuse signals, newest first, each explained in words with its files: by status (open, resolved), kind, program or file (the team and finance)',
    tag: 'signals',
    access: 'user',
    query: listSignalsInput,
    response: signalPage,
    handle: async (ctx, { query }) => {
      const page = await listSignals(ctx, query);
      return { items: page.items.map(presentSignal), nextCursor: page.nextCursor };
    },
  }),
  defineOperation({
    operationId: 'resolveSignal',
    method: 'post',
    path: '/signals/{id}/resolution',
    summary:
      'Decide on an open signal: dismissed as legitimate or confirmed, with the reason (audited; it blocks nothing by itself)',
    tag: 'signals',
    access: 'user',
    body: resolveSignalInput,
    response: signal,
    handle: async (ctx, { params, body }) => presentSignal(await resolveSignal(ctx, params.id!, body)),
  }),
];
