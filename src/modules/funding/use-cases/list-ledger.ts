import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { fiscalYearLabel, parseFiscalYear } from '../../../kernel/fiscal-year.ts';
import type { Ctx } from '../../../platform/context.ts';
import { cursorField, decodeCursor, limitField, toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { ledgerEntries } from '../db/tables.ts';

const uuid = z.uuid();

export const listLedgerInput = z.strictObject({
  applicationId: uuid.optional(),
  envelopeId: uuid.optional(),
  fiscalYear: z
    .string()
    .refine((label) => parseFiscalYear(label) !== null, { error: 'funding:errors.fiscal_year' })
    .optional(),
  cursor: cursorField.optional(),
  limit: limitField,
});

/** Ledger entries, newest first, one page at a time: by business, envelope and fiscal year. */
export async function listLedger(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'ledger.list');
  const query = parseInput(listLedgerInput, input);
  const where: SQL[] = [];
  if (query.applicationId) where.push(eq(ledgerEntries.applicationId, query.applicationId));
  if (query.envelopeId) where.push(eq(ledgerEntries.envelopeId, query.envelopeId));
  if (query.fiscalYear) where.push(eq(ledgerEntries.fiscalYear, parseFiscalYear(query.fiscalYear)!));
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (after) {
    const [at, id] = after as [string, string];
    where.push(
      or(
        lt(ledgerEntries.createdAt, new Date(at)),
        and(eq(ledgerEntries.createdAt, new Date(at)), lt(ledgerEntries.id, id)),
      )!,
    );
  }
  const rows = await ctx.db
    .select()
    .from(ledgerEntries)
    .where(and(...where))
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      envelopeId: r.envelopeId,
      fiscalYear: fiscalYearLabel(r.fiscalYear),
      applicationId: r.applicationId,
      kind: r.kind,
      from: r.fromAccount,
      to: r.toAccount,
      amountCents: r.amountCents,
      cause: r.cause,
      reverses: r.reverses,
      reason: r.reason,
      source: r.source,
      createdAt: r.createdAt,
    })),
  };
}
