import type { Ctx } from '../context.ts';
import { insertMany } from '../db/bulk.ts';
import type { Executor } from '../db/client.ts';
import { newId } from '../ids.ts';
import { auditEvents } from './table.ts';

export type AuditEvent = {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** What changed: `{ field: [before, after] }` or a summary; never a password or token. */
  changes?: Record<string, unknown>;
  /** The person acting, when the caller is not yet known as them (sign-in, accepting an invitation). */
  as?: { id: string; role: string; email: string };
};

/** Appends an audit event inside the caller's transaction, so it commits or rolls back with the change. */
export async function appendAudit(tx: Executor, ctx: Ctx, event: AuditEvent): Promise<void> {
  await appendAudits(tx, ctx, [event]);
}

/** Appends many audit events in one statement (bulk changes), inside the caller's transaction. */
export async function appendAudits(tx: Executor, ctx: Ctx, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const occurredAt = ctx.now();
  await insertMany(
    tx,
    auditEvents,
    events.map((event) => {
      const actor = event.as ? { kind: 'user' as const, ...event.as } : ctx.actor;
      return {
        id: newId(),
        occurredAt,
        actorId: actor.kind === 'user' ? actor.id : null,
        actorRole: actor.kind === 'user' ? actor.role : actor.kind,
        actorEmail: actor.kind === 'user' ? actor.email : actor.kind === 'system' ? actor.label : null,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId ?? null,
        changes: event.changes ?? null,
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
      };
    }),
  );
}
