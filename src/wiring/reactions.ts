import { withdrawOffersOfProgram } from '../modules/funding/index.ts';
import { appliedWithNeq } from '../modules/intake/index.ts';
import { recomputeRegistrySignals, recomputeSignalsFor } from '../modules/signals/index.ts';
import type { Reactions } from '../platform/context.ts';

/**
 * Who acts on which fact, for modules that may not import each other (decision 25): funding imports
 * programs, so programs cannot call funding when its intake closes; the wiring routes the fact. Signals
 * read intake's and funding's tables, so those modules tell the wiring when a file changes (decision 41).
 */
export const reactions: Reactions = {
  intakeClosed: async (tx, ctx, programId) => {
    await withdrawOffersOfProgram(tx, ctx, programId);
  },
  applicationChanged: async (tx, ctx, applicationId) => {
    await recomputeSignalsFor(tx, ctx, { applicationId });
  },
  claimChanged: async (tx, ctx, claimId) => {
    await recomputeSignalsFor(tx, ctx, { claimId });
  },
  supplierChanged: async (tx, ctx, supplierId) => {
    await recomputeSignalsFor(tx, ctx, { supplierId });
  },
  // Signals compare applications with the registry (registry is imported by signals).
  registryChanged: async (tx, ctx, extracts) => {
    await recomputeRegistrySignals(tx, ctx, extracts);
  },
  // The registry's lookups (registry is imported by intake, so it asks through here).
  appliedWithNeq,
};
