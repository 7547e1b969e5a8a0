import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { cursorField, decodeCursor, limitField, toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize, isAllowed } from '../../../wiring/authorize.ts';
import { signalRow, signalRows } from '../db/queries.ts';
import { SIGNAL_KINDS, SIGNAL_STATUSES } from '../domain/kinds.ts';
import { signalView } from './signal-view.ts';

export const listSignalsInput = z.strictObject({
  status: z.enum(['open', 'resolved', ...SIGNAL_STATUSES]).optional(),
  kind: z.enum(SIGNAL_KINDS).optional(),
  programId: z.uuid().optional(),
  applicationId: z.uuid().optional(),
  claimId: z.uuid().optional(),
  cursor: cursorField.optional(),
  limit: limitField,
});

/** Abuse signals, newest first, for the program team and finance: by status, kind, program or file. */
export async function listSignals(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'signal.read');
  const query = parseInput(listSignalsInput, input, 'signals');
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await signalRows(ctx.db, query, query.limit + 1, after as [string, string] | undefined);
  const page = toPage(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: page.items.map((r) => signalView(ctx, r)), nextCursor: page.nextCursor };
}

/**
 * The open signals about one file, for the application and claim review pages: nothing for a reader
 * who may not see signals (an expert on the review page), so those pages need not ask first.
 */
export async function openSignalsOf(ctx: Ctx, file: { applicationId: string } | { claimId: string }) {
  if (!isAllowed(ctx.actor, 'signal.read')) return [];
  const rows = await signalRows(ctx.db, { status: 'open', ...file }, 50);
  return rows.map((r) => signalView(ctx, r));
}

/** One signal, with its files and resolution (the team and finance). */
export async function getSignal(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'signal.read');
  const row = UUID_PATTERN.test(id) ? await signalRow(ctx.db, id) : undefined;
  if (!row) throw new AppError('not_found');
  return signalView(ctx, row);
}
