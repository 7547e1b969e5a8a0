// What other modules and the wiring may use from signals.

// Its part of a person's copy of their data (the privacy module assembles every module's).
export { signalsPersonalData } from './db/personal-data.ts';
// Runs inside the transaction of the module that changed a file (wiring's reactions, decision 25).
export { recomputeRegistrySignals, recomputeSignalsFor, type SignalSubject } from './db/recompute.ts';
export { SIGNAL_KINDS, type SignalKind } from './domain/kinds.ts';
// For the application and claim review pages: the open signals about the file shown.
export { getSignal, listSignals, openSignalsOf } from './use-cases/list-signals.ts';
export { recomputeSignals } from './use-cases/recompute-signals.ts';
export { resolveSignal } from './use-cases/resolve-signal.ts';
export type { SignalView } from './use-cases/signal-view.ts';
