import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { extractsWithNames } from '../db/research-extracts.ts';
import { EXTRACT_STATUSES, researchExtracts } from '../db/tables.ts';
import { extractView } from './extract-view.ts';

export const listExtractsInput = z.strictObject({ status: z.enum(EXTRACT_STATUSES).optional() });

/** A researcher's own extracts; every extract for administrators (the pending ones to decide). */
export async function listResearchExtracts(ctx: Ctx, input: unknown = {}) {
  authorize(ctx.actor, 'research_extract.list');
  const { status } = parseInput(listExtractsInput, input, 'reporting');
  const own =
    ctx.actor.kind === 'user' && ctx.actor.role === 'researcher'
      ? eq(researchExtracts.requestedBy, ctx.actor.id)
      : undefined;
  const rows = await extractsWithNames(
    ctx.db,
    and(own, status ? eq(researchExtracts.status, status) : undefined),
  );
  return rows.map((x) => extractView(ctx, x));
}
