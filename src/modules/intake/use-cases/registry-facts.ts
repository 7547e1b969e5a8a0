import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { currentExtract, findRegistryEnterprise } from '../../registry/index.ts';
import type { RegistryFactInput } from '../domain/facts.ts';
import { bandMaximum } from '../domain/registry-check.ts';

/**
 * The registry's facts for eligibility, read from the current extract when the application is assessed
 * (not from the applicant's lookup, which they may not have made): undefined when no extract is imported.
 */
export async function registryFactsOf(
  db: Executor,
  neq: string | null,
): Promise<RegistryFactInput | undefined> {
  const extract = await currentExtract(db);
  if (!extract || !neq) return undefined;
  const found = await findRegistryEnterprise(db, neq);
  if (!found)
    return { status: 'not_listed', employeesMax: null, activity: null, extractDate: extract.fileDate };
  return {
    status: found.statusKind,
    employeesMax: bandMaximum(found.employeeBand?.label ?? null),
    activity: found.activities[0]?.cae.code ?? null,
    extractDate: found.extract.fileDate,
  };
}

/** The current extract's date (null: none imported, or undated), for a lookup that found nothing. */
export async function registryExtractDate(ctx: Ctx): Promise<string | null> {
  return (await currentExtract(ctx.db))?.fileDate ?? null;
}
