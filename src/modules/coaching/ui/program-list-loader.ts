import type { Ctx } from '../../../platform/context.ts';
import { isAppError } from '../../../platform/errors.ts';
import type { ExportList } from '../../../platform/exports/table.ts';
import { localiseError } from '../../../platform/http/problem.ts';
import type { Page } from '../../../platform/pagination.ts';
import { exportLoader } from '../../../platform/ui/export.server.ts';
import { listPrograms, selectProgram } from '../../programs/index.ts';
import { exportList } from '../../reporting/index.ts';
import { getWorkload } from '../use-cases/get-workload.ts';

/** Every filter of the program team's coaching lists, named as the API names them; each list takes some. */
export type ProgramListFilter = 'expertId' | 'status' | 'wave' | 'state' | 'from' | 'to';

export const SESSION_LIST_FILTERS: readonly ProgramListFilter[] = ['expertId', 'status', 'from', 'to'];
export const PLAN_LIST_FILTERS: readonly ProgramListFilter[] = ['expertId', 'status'];
export const SURVEY_LIST_FILTERS: readonly ProgramListFilter[] = ['expertId', 'wave', 'state', 'from', 'to'];

/** The list's filters the address sets, and only those (an empty field is no filter). */
function filtersOf(search: Record<string, string>, keys: readonly ProgramListFilter[]) {
  return Object.fromEntries(keys.flatMap((k) => (search[k] ? [[k, search[k]]] : []))) as Partial<
    Record<ProgramListFilter, string>
  >;
}

/**
 * One of the program team's coaching lists (sessions, plans, surveys) as its page shows it: the
 * program of `?program=`, the list's filters from the address, one page of rows, the experts to filter
 * by, the links to the next page and to the exports. Filters the list refuses come back as form errors.
 */
export async function loadProgramList<Item>(
  ctx: Ctx,
  request: Request,
  keys: readonly ProgramListFilter[],
  read: (input: Record<string, string>) => Promise<Page<Item>>,
) {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const program = await selectProgram(ctx, search.program);
  const [programs, workload] = await Promise.all([
    listPrograms(ctx),
    getWorkload(ctx, { programId: program.id }),
  ]);
  const filters = filtersOf(search, keys);
  const kept = { ...(search.program ? { program: program.slug } : {}), ...filters };
  const base = {
    program: program.slug,
    programs: programs.map((p) => ({ value: p.slug, label: ctx.locale === 'fr' ? p.nameFr : p.nameEn })),
    experts: workload.items.map((e) => ({ value: e.expertId, label: e.name })),
    filters,
    filtered: Object.keys(filters).length > 0,
    exportSearch: `?${new URLSearchParams(kept)}`,
  };
  try {
    const page = await read({
      programId: program.id,
      ...filters,
      ...(search.cursor ? { cursor: search.cursor } : {}),
    });
    const next = page.nextCursor ? `${new URLSearchParams({ ...kept, cursor: page.nextCursor })}` : null;
    return { ...base, error: null, items: page.items, next };
  } catch (error) {
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    return {
      ...base,
      error: localiseError(error, ctx.services.i18n, ctx.locale),
      items: [] as Item[],
      next: null,
    };
  }
}

/** The exports of one of these lists (`/sessions/export.csv`…): the page's program and filters. */
export function programListExport(list: ExportList, keys: readonly ProgramListFilter[]) {
  return exportLoader(async ({ ctx, format, search }) => {
    const program = await selectProgram(ctx, search.program);
    return exportList(ctx, { list, format, filters: { programId: program.id, ...filtersOf(search, keys) } });
  });
}
