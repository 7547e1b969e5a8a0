import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { applicationRegistryChecks } from '../db/tables.ts';
import { registryComparison } from '../domain/registry-check.ts';
import { loadApplication } from './load-application.ts';

/**
 * What the registry said of the application's NEQ, and per prefilled field the registry's value beside
 * the applicant's (corrected or confirmed); undefined when the applicant never looked it up.
 */
export async function getRegistryCheck(ctx: Ctx, id: string) {
  const { app } = await loadApplication(ctx, id, 'application.read');
  const [check] = await ctx.db
    .select()
    .from(applicationRegistryChecks)
    .where(eq(applicationRegistryChecks.applicationId, id));
  if (!check) return undefined;
  return {
    ...check,
    /** The NEQ was changed since it was looked up: the facts are another business's. */
    stale: check.neq !== app.neq,
    comparison: check.facts
      ? registryComparison(check.facts, {
          legalName: app.legalName,
          foundedYear: app.foundedYear,
          naics: app.naics,
        })
      : [],
  };
}
