import { z } from 'zod';
import { pageOf } from '../../../platform/http/api.ts';
import { instant, instantOrNull, presentPage } from '../../../platform/http/present.ts';
import { MAIL_STATUSES } from '../../../platform/mail/statuses.ts';
import type { Page } from '../../../platform/pagination.ts';
import type { AuditEventRow } from '../use-cases/list-audit-events.ts';
import type { OutboxSummary } from '../use-cases/list-outbox-messages.ts';

export const auditEventPage = pageOf(
  z.object({
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
  }),
);

export const presentAuditEvents = (page: Page<AuditEventRow>): z.input<typeof auditEventPage> =>
  presentPage(page, (event) => ({
    id: event.id,
    occurredAt: instant(event.occurredAt),
    actorId: event.actorId,
    actorRole: event.actorRole,
    actorEmail: event.actorEmail,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    changes: event.changes,
    requestId: event.requestId,
    ip: event.ip,
  }));

export const outboxPage = pageOf(
  z.object({
    id: z.uuid(),
    toAddress: z.string(),
    locale: z.string(),
    subject: z.string(),
    status: z.enum(MAIL_STATUSES),
    attempts: z.number().int(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
  }),
);

export const presentOutbox = (page: Page<OutboxSummary>): z.input<typeof outboxPage> =>
  presentPage(page, (message) => ({
    id: message.id,
    toAddress: message.toAddress,
    locale: message.locale,
    subject: message.subject,
    status: message.status as (typeof MAIL_STATUSES)[number],
    attempts: message.attempts,
    createdAt: instant(message.createdAt),
    sentAt: instantOrNull(message.sentAt),
  }));
