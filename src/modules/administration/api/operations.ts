import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import {
  auditEventPage,
  outboxPage,
  presentAuditEvents,
  presentOutbox,
} from '../presenters/administration.ts';
import { listAuditEvents, listAuditEventsInput } from '../use-cases/list-audit-events.ts';
import { listOutboxInput, listOutboxMessages } from '../use-cases/list-outbox-messages.ts';

export const administrationOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'listAuditEvents',
    method: 'get',
    path: '/audit-events',
    summary: 'The audit log, newest first (administrators)',
    tag: 'administration',
    access: 'user',
    query: listAuditEventsInput,
    response: auditEventPage,
    handle: async (ctx, { query }) => presentAuditEvents(await listAuditEvents(ctx, query)),
  }),
  defineOperation({
    operationId: 'listOutboxMessages',
    method: 'get',
    path: '/outbox',
    summary: 'Messages sent or kept by Virage, newest first (administrators)',
    tag: 'administration',
    access: 'user',
    query: listOutboxInput,
    response: outboxPage,
    handle: async (ctx, { query }) => presentOutbox(await listOutboxMessages(ctx, query)),
  }),
];
