import { z } from 'zod';
import { type ApiOperation, defineOperation, pageOf } from '../../../platform/http/api.ts';
import { MAIL_STATUSES } from '../../../platform/mail/statuses.ts';
import { listAuditEvents, listAuditEventsInput } from '../use-cases/list-audit-events.ts';
import { listOutboxInput, listOutboxMessages } from '../use-cases/list-outbox-messages.ts';

const auditEvent = z.object({
  id: z.uuid(),
  occurredAt: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorRole: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

const outboxMessage = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  locale: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});

export const administrationOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'listAuditEvents',
    method: 'get',
    path: '/audit-events',
    summary: 'The audit log, newest first (administrators)',
    tag: 'administration',
    access: 'user',
    query: listAuditEventsInput,
    response: pageOf(auditEvent),
    handle: (ctx, { query }) => listAuditEvents(ctx, query),
  }),
  defineOperation({
    operationId: 'listOutboxMessages',
    method: 'get',
    path: '/outbox',
    summary: 'Messages sent or kept by Virage, newest first (administrators)',
    tag: 'administration',
    access: 'user',
    query: listOutboxInput,
    response: pageOf(outboxMessage),
    handle: (ctx, { query }) => listOutboxMessages(ctx, query),
  }),
];
