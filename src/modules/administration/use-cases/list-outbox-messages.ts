import { and, desc, eq, ilike, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { MAIL_STATUSES } from '../../../platform/mail/statuses.ts';
import { mailOutbox } from '../../../platform/mail/table.ts';
import { cursorField, decodeCursor, limitField, type Page, toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';

export const listOutboxInput = z.strictObject({
  to: z.string().trim().max(254).optional(),
  status: z.enum(MAIL_STATUSES).optional(),
  cursor: cursorField.optional(),
  limit: limitField,
});

export type OutboxSummary = {
  id: string;
  toAddress: string;
  locale: string;
  subject: string;
  status: string;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
};

/** Messages Virage has sent or kept, newest first (administrators; without SMTP this is where mail goes). */
export async function listOutboxMessages(ctx: Ctx, input: unknown): Promise<Page<OutboxSummary>> {
  authorize(ctx.actor, 'outbox.read');
  const filter = parseInput(listOutboxInput, input, 'administration');
  const conditions: (SQL | undefined)[] = [];
  if (filter.to)
    conditions.push(ilike(mailOutbox.toAddress, `%${filter.to.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (filter.status) conditions.push(eq(mailOutbox.status, filter.status));
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor)!;
    const when = new Date(String(at));
    conditions.push(
      or(lt(mailOutbox.createdAt, when), and(eq(mailOutbox.createdAt, when), lt(mailOutbox.id, String(id)))),
    );
  }
  const rows = await ctx.db
    .select({
      id: mailOutbox.id,
      toAddress: mailOutbox.toAddress,
      locale: mailOutbox.locale,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(and(...conditions))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(filter.limit + 1);
  return toPage(rows, filter.limit, (row) => [row.createdAt.toISOString(), row.id]);
}
