import { and, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { startOfMontrealDay } from '../../../kernel/format.ts';
import { auditEvents } from '../../../platform/audit/table.ts';
import type { Ctx } from '../../../platform/context.ts';
import { cursorField, decodeCursor, limitField, type Page, toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';

const isoDate = z.iso.date({ error: 'common:validation.date' });

export const listAuditEventsInput = z.strictObject({
  action: z.string().trim().max(80).optional(),
  actor: z.string().trim().max(254).optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(80).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  cursor: cursorField.optional(),
  limit: limitField,
});

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** The audit log, newest first, filtered (administrators). Dates are Montréal calendar days. */
export async function listAuditEvents(ctx: Ctx, input: unknown): Promise<Page<AuditEventRow>> {
  authorize(ctx.actor, 'audit.list');
  const filter = parseInput(listAuditEventsInput, input, 'administration');
  const conditions: (SQL | undefined)[] = [];
  if (filter.action) conditions.push(ilike(auditEvents.action, `${escapeLike(filter.action)}%`));
  if (filter.actor) conditions.push(ilike(auditEvents.actorEmail, `%${escapeLike(filter.actor)}%`));
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, startOfMontrealDay(filter.from)));
  if (filter.to) conditions.push(lt(auditEvents.occurredAt, startOfMontrealDay(filter.to, 1)));
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor)!;
    const when = new Date(String(at));
    conditions.push(
      or(
        lt(auditEvents.occurredAt, when),
        and(eq(auditEvents.occurredAt, when), lt(auditEvents.id, String(id))),
      ),
    );
  }
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(filter.limit + 1);
  return toPage(rows, filter.limit, (row) => [row.occurredAt.toISOString(), row.id]);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
