import type { Ctx } from '../../../platform/context.ts';
import type { SignalRow } from '../db/queries.ts';
import { explanationOf } from '../domain/explain.ts';

/** A signal as pages and the API show it: its sentence in the reader's language, its files, its resolution. */
export function signalView(ctx: Ctx, row: SignalRow) {
  const { key, params } = explanationOf(row.kind, row.evidence);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    explanation: ctx.t(key, params),
    evidence: row.evidence,
    files: row.files,
    resolution:
      row.status === 'open' || !row.resolvedAt
        ? null
        : {
            outcome: row.status,
            reason: row.resolutionReason ?? '',
            resolvedBy: row.resolvedByName ?? '',
            resolvedAt: row.resolvedAt,
          },
    raisedAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type SignalView = ReturnType<typeof signalView>;
