import type { Ctx } from '../../../platform/context.ts';
import { selectProgram } from '../../programs/index.ts';
import { AGREEMENT_STATUSES } from '../domain/agreement-status.ts';

const CLAIM_FILTERS = ['status', 'programId', 'reviewStep', 'mine'] as const;
export type ClaimFilters = Record<(typeof CLAIM_FILTERS)[number], string>;

/**
 * The claims queue's filters as its address gives them, and the query they make for `listClaims`: the
 * page and its exports read them here, so a file holds what the page shows. The queue opens on what
 * waits for the reader; « Toutes » (`mine=false`) shows every claim.
 */
export function claimsQuery(search: Record<string, string>): {
  filters: ClaimFilters;
  query: Record<string, string>;
} {
  const filters = Object.fromEntries(
    CLAIM_FILTERS.map((key) => [key, search[key] ?? (key === 'mine' ? 'true' : '')]),
  ) as ClaimFilters;
  return { filters, query: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')) };
}

/** The agreements list's program (`?program=`, else the current one) and status, for the page and its exports. */
export async function agreementsQuery(ctx: Ctx, search: Record<string, string>) {
  const program = await selectProgram(ctx, search.program);
  const status = AGREEMENT_STATUSES.find((s) => s === search.status) ?? '';
  return { program, status, query: { programId: program.id, ...(status ? { status } : {}) } };
}
