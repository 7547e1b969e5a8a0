import type { Ctx } from '../../../platform/context.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import type { ExtractWithNames } from '../db/research-extracts.ts';

/**
 * An extract as the caller may see it. The classes that failed k-anonymity (values and counts under
 * 5) are for the administrators who decide; the researcher learns how many failed and the
 * generalisation that would pass.
 */
export function extractView(ctx: Ctx, x: ExtractWithNames) {
  const decides = isAllowed(ctx.actor, 'research_extract.decide');
  return {
    ...x,
    programName: x.programName[ctx.locale],
    failingClassCount: x.failingClasses?.length ?? null,
    failingClasses: decides ? x.failingClasses : null,
  };
}

export type ExtractView = ReturnType<typeof extractView>;
