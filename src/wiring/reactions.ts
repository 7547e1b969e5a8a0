import { withdrawOffersOfProgram } from '../modules/funding/index.ts';
import { appliedWithNeq } from '../modules/intake/index.ts';
import type { Reactions } from '../platform/context.ts';

/**
 * Who acts on which fact, for modules that may not import each other (decision 25): funding imports
 * programs, so programs cannot call funding when its intake closes; the wiring routes the fact.
 */
export const reactions: Reactions = {
  intakeClosed: async (tx, ctx, programId) => {
    await withdrawOffersOfProgram(tx, ctx, programId);
  },
  // The registry's lookups (registry is imported by intake, so it asks through here).
  appliedWithNeq,
};
