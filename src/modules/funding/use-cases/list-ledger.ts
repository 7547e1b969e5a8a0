import { z } from 'zod';
import { fiscalYearLabel, parseFiscalYear } from '../../../kernel/fiscal-year.ts';
import type { Ctx } from '../../../platform/context.ts';
import { cursorField, decodeCursor, limitField, toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { envelopeName } from '../db/append-entries.ts';
import { ledgerRows } from '../db/ledger.ts';

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

/** Ledger entries, newest first, one page at a time: by business, envelope and fiscal year, with who wrote each. */
export async function listLedger(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'ledger.list');
  const query = parseInput(listLedgerInput, input, 'funding');
  const after = query.cursor ? (decodeCursor(query.cursor) as [string, string]) : undefined;
  const rows = await ledgerRows(
    ctx.db,
    {
      applicationId: query.applicationId,
      envelopeId: query.envelopeId,
      fiscalYear: query.fiscalYear ? parseFiscalYear(query.fiscalYear)! : undefined,
    },
    after,
    query.limit,
  );
  const page = toPage(rows, query.limit, (r) => [r.entry.createdAt.toISOString(), r.entry.id]);
  return {
    ...page,
    items: page.items.map(({ entry: r, actorName, envelopeNameFr, envelopeNameEn }) => ({
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
      /** Who wrote it (null: the system, e.g. a job); for pages, not in the API's answer. */
      actorName,
      envelopeName: envelopeName(ctx, { nameFr: envelopeNameFr, nameEn: envelopeNameEn }),
    })),
  };
}
