import { formatNumber } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { proposeAssignments } from '../use-cases/propose-assignments.ts';
import { pageNumber, pageOf } from './assignment-form.ts';
import type { Kept } from './board.ts';

/** The proposal, sorted by expert then business, one page (and one expert, if asked) at a time. */
export async function proposalView(
  ctx: Ctx,
  programId: string,
  kept: Kept,
  experts: { id: string; name: string }[],
) {
  const result = await proposeAssignments(ctx, { programId });
  const collator = new Intl.Collator(ctx.locale === 'fr' ? 'fr-CA' : 'en-CA');
  const order = new Map(experts.map((e, i) => [e.id, i]));
  const perExpert = new Map<string, number>();
  for (const a of result.assignments) perExpert.set(a.expertId, (perExpert.get(a.expertId) ?? 0) + 1);
  const expert = kept.expert && order.has(kept.expert) ? kept.expert : '';
  const rows = result.assignments
    .filter((a) => !expert || a.expertId === expert)
    .sort(
      (a, b) =>
        (order.get(a.expertId) ?? 0) - (order.get(b.expertId) ?? 0) ||
        collator.compare(a.business ?? '', b.business ?? ''),
    )
    .map((a) => ({ ...a, business: a.business ?? '—', scoreShown: formatNumber(a.score, ctx.locale) }));
  const unassigned = result.unassigned
    .map((u) => ({ ...u, business: u.business ?? '—' }))
    .sort((a, b) => collator.compare(a.business, b.business));
  return {
    expert,
    waiting: result.assignments.length + result.unassigned.length,
    shown: {
      waiting: formatNumber(result.assignments.length + result.unassigned.length, ctx.locale),
      proposed: formatNumber(result.assignments.length, ctx.locale),
      unassigned: formatNumber(result.unassigned.length, ctx.locale),
    },
    perExpert: Object.fromEntries(
      [...perExpert].map(([id, count]) => [id, { count, shown: formatNumber(count, ctx.locale) }]),
    ),
    rows: withShown(pageOf(rows, pageNumber(kept.page)), ctx),
    unassigned: withShown(pageOf(unassigned, pageNumber(kept.upage)), ctx),
  };
}

/** A page with its position written the reader's way (`1 201 à 1 300 sur 2 950`). */
function withShown<T extends ReturnType<typeof pageOf>>(page: T, ctx: Ctx) {
  const n = (value: number) => formatNumber(value, ctx.locale);
  return {
    ...page,
    shown: {
      first: n(page.first),
      last: n(page.last),
      total: n(page.total),
      page: n(page.page),
      pages: n(page.pages),
    },
  };
}
