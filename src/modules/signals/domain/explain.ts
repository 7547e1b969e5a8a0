import type { Evidence, SignalKind } from './kinds.ts';

/**
 * The i18n key and parameters of a signal's sentence: the reader's language renders it. The bank
 * account's value is its last digits only.
 */
export function explanationOf(kind: SignalKind, evidence: Evidence) {
  return {
    key: `signals:explanations.${evidence.variant ? `${kind}_${evidence.variant}` : kind}`,
    params: { ...evidence.details, value: evidence.value ?? '', count: evidence.count },
  } as const;
}
