import type { Evidence, SignalFile, SignalKind } from './kinds.ts';

/** One file carrying one matching key, as a detector's query reads it. */
export type KeyedFile = SignalFile & {
  key: string;
  value: string;
} & Pick<Evidence, 'variant' | 'details'>;

/** A signal as the detectors find it now: what to keep (insert, update, reopen) by its fingerprint. */
export type FoundSignal = {
  kind: SignalKind;
  fingerprint: string;
  matchKey: string;
  files: SignalFile[];
  evidence: Evidence;
  /** The files' identity, sorted: a resolved signal reopens when it changes (new evidence). */
  filesKey: string;
};

const fileId = (f: SignalFile) => f.claimId ?? f.applicationId;

/**
 * Groups the keyed files by key; a key shared by at least `minimum` distinct files (applications, or
 * claims for the claim kinds) is a signal. The fingerprint is the kind and the key, so a recomputation
 * finds the same signal again and never makes a second one.
 */
export function signalsOf(kind: SignalKind, rows: readonly KeyedFile[], minimum = 2): FoundSignal[] {
  const byKey = new Map<string, Map<string, KeyedFile>>();
  for (const row of rows) {
    const files = byKey.get(row.key) ?? new Map<string, KeyedFile>();
    files.set(fileId(row), row);
    byKey.set(row.key, files);
  }
  const found: FoundSignal[] = [];
  for (const [key, filesById] of byKey) {
    if (filesById.size < minimum) continue;
    const sorted = [...filesById.values()].sort((a, b) => fileId(a).localeCompare(fileId(b)));
    const files = sorted.map(({ applicationId, claimId, programId }) => ({
      applicationId,
      claimId,
      programId,
    }));
    found.push({
      kind,
      fingerprint: `${kind}:${key}`,
      matchKey: key,
      files,
      evidence: {
        value: sorted[0]!.value,
        count: files.length,
        ...(sorted[0]!.variant ? { variant: sorted[0]!.variant } : {}),
        ...(sorted[0]!.details ? { details: sorted[0]!.details } : {}),
      },
      filesKey: files.map(fileId).join(','),
    });
  }
  return found;
}

/** A signal as it is kept. */
export type KeptSignal = { id: string; fingerprint: string; filesKey: string; status: string };

export type Reconciliation = {
  insert: FoundSignal[];
  /** Same fingerprint, other files: updated, and reopened if it had been resolved (the evidence changed). */
  change: { id: string; found: FoundSignal; reopen: boolean }[];
  /** Open signals whose evidence is gone (nobody decided on them): removed. Resolved ones stay as history. */
  drop: string[];
};

/** What to write so the kept signals of the keys looked at match what the detectors found. */
export function reconcile(kept: readonly KeptSignal[], found: readonly FoundSignal[]): Reconciliation {
  const keptBy = new Map(kept.map((k) => [k.fingerprint, k]));
  const foundBy = new Set(found.map((f) => f.fingerprint));
  const result: Reconciliation = { insert: [], change: [], drop: [] };
  for (const f of found) {
    const k = keptBy.get(f.fingerprint);
    if (!k) result.insert.push(f);
    else if (k.filesKey !== f.filesKey)
      result.change.push({ id: k.id, found: f, reopen: k.status !== 'open' });
  }
  for (const k of kept) if (!foundBy.has(k.fingerprint) && k.status === 'open') result.drop.push(k.id);
  return result;
}
