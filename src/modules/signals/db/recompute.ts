import { and, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { appendAudits } from '../../../platform/audit/append.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { applications } from '../../intake/db/tables.ts';
import { changedNeqs } from '../../registry/index.ts';
import { type FoundSignal, reconcile, signalsOf } from '../domain/groups.ts';
import { REGISTRY_KINDS } from '../domain/kinds.ts';
import { DETECTORS, type Detector, type SignalSubject } from './detectors.ts';
import { signalFiles, signals } from './tables.ts';

export type { SignalSubject } from './detectors.ts';

export type RecomputeCounts = { raised: number; changed: number; reopened: number; dropped: number };

/**
 * Brings the signals about one record up to date, inside the transaction that changed it (decision
 * 41): for each detector, the keys the record carries now and the keys of the signals it was in are
 * looked at again, so a signal follows the file when it changes and never doubles.
 */
export async function recomputeSignalsFor(tx: Executor, ctx: Ctx, subject: SignalSubject) {
  // A file may have left a signal since (its e-mail changed); a supplier is no file of a signal.
  const fileId =
    'claimId' in subject ? subject.claimId : 'applicationId' in subject ? subject.applicationId : null;
  const naming =
    'neqs' in subject
      ? await registrySignalsOf(tx, subject.neqs)
      : fileId
        ? await signalsNaming(tx, fileId)
        : [];
  const counts = emptyCounts();
  for (const detector of DETECTORS) {
    const now = await detector.keysOf(tx, subject);
    const before = naming.filter((s) => s.kind === detector.kind).map((s) => keyOf(detector, s.fingerprint));
    const keys = [...new Set([...now, ...before])];
    if (keys.length === 0) continue;
    const found = await detectedSignals(tx, detector, keys);
    add(counts, await apply(tx, ctx, detector, keys, found));
  }
  return counts;
}

/**
 * A registry extract became current (wiring's `registryChanged`): the registry signals of the businesses
 * that applied and that it describes otherwise than the previous one are recomputed, in the swap's
 * transaction — two set-based reads to find them, then one pass per registry detector over their NEQs.
 */
export async function recomputeRegistrySignals(
  tx: Executor,
  ctx: Ctx,
  extracts: { previousId: string | null; currentId: string },
): Promise<RecomputeCounts> {
  const applied = await tx
    .selectDistinct({ neq: sql<string>`${applications.neq}` })
    .from(applications)
    .where(
      and(ne(applications.status, 'draft'), isNull(applications.anonymisedAt), isNotNull(applications.neq)),
    );
  const neqs = await changedNeqs(
    tx,
    extracts.previousId,
    extracts.currentId,
    applied.map((a) => a.neq),
  );
  return neqs.length === 0 ? emptyCounts() : recomputeSignalsFor(tx, ctx, { neqs });
}

/** Every detector over every file: the first run, or after an import or a change of rules. */
export async function recomputeAllSignals(tx: Executor, ctx: Ctx): Promise<RecomputeCounts> {
  const counts = emptyCounts();
  for (const detector of DETECTORS) {
    const found = await detectedSignals(tx, detector, 'all');
    add(counts, await apply(tx, ctx, detector, 'all', found));
  }
  return counts;
}

const emptyCounts = (): RecomputeCounts => ({ raised: 0, changed: 0, reopened: 0, dropped: 0 });
const add = (to: RecomputeCounts, more: RecomputeCounts) => {
  for (const k of Object.keys(to) as (keyof RecomputeCounts)[]) to[k] += more[k];
};

async function detectedSignals(db: Executor, detector: Detector, keys: readonly string[] | 'all') {
  return signalsOf(detector.kind, await detector.filesWith(db, keys), detector.minimum);
}

const fingerprintOf = (detector: Detector, key: string) => `${detector.kind}:${key}`;
const keyOf = (detector: Detector, fingerprint: string) => fingerprint.slice(detector.kind.length + 1);

/** The registry signals naming a file of one of these businesses (a NEQ may have left a signal since). */
async function registrySignalsOf(db: Executor, neqs: readonly string[]) {
  if (neqs.length === 0) return [];
  return db
    .selectDistinct({ kind: signals.kind, fingerprint: signals.fingerprint })
    .from(signals)
    .innerJoin(signalFiles, eq(signalFiles.signalId, signals.id))
    .innerJoin(applications, eq(applications.id, signalFiles.applicationId))
    .where(and(inArray(signals.kind, REGISTRY_KINDS), inArray(applications.neq, [...neqs])));
}

/** The signals, of every kind, that name the file (it may no longer carry their keys). */
async function signalsNaming(db: Executor, id: string) {
  return db
    .select({ kind: signals.kind, fingerprint: signals.fingerprint })
    .from(signals)
    .innerJoin(signalFiles, eq(signalFiles.signalId, signals.id))
    .where(eq(signalFiles.fileId, id));
}

async function apply(
  tx: Executor,
  ctx: Ctx,
  detector: Detector,
  keys: readonly string[] | 'all',
  found: FoundSignal[],
): Promise<RecomputeCounts> {
  const kept = await tx
    .select({
      id: signals.id,
      fingerprint: signals.fingerprint,
      filesKey: signals.filesKey,
      status: signals.status,
    })
    .from(signals)
    .where(
      and(
        eq(signals.kind, detector.kind),
        keys === 'all'
          ? undefined
          : inArray(
              signals.fingerprint,
              keys.map((k) => fingerprintOf(detector, k)),
            ),
      ),
    );
  const plan = reconcile(kept, found);
  const now = ctx.now();
  const audits = [];
  for (const f of plan.insert) {
    const id = newId();
    await tx.insert(signals).values({
      id,
      kind: f.kind,
      fingerprint: f.fingerprint,
      evidence: f.evidence,
      filesKey: f.filesKey,
      createdAt: now,
      updatedAt: now,
    });
    await writeFiles(tx, id, f);
    audits.push({
      action: 'signal.raised',
      entityType: 'signal',
      entityId: id,
      changes: { kind: f.kind, files: f.files.length },
    });
  }
  for (const { id, found: f, reopen } of plan.change) {
    await tx
      .update(signals)
      .set({
        evidence: f.evidence,
        filesKey: f.filesKey,
        updatedAt: now,
        ...(reopen
          ? {
              status: 'open' as const,
              resolutionReason: null,
              resolvedBy: null,
              resolvedByName: null,
              resolvedAt: null,
            }
          : {}),
      })
      .where(eq(signals.id, id));
    await tx.delete(signalFiles).where(eq(signalFiles.signalId, id));
    await writeFiles(tx, id, f);
    audits.push({
      action: reopen ? 'signal.reopened' : 'signal.changed',
      entityType: 'signal',
      entityId: id,
      changes: { kind: f.kind, files: f.files.length },
    });
  }
  if (plan.drop.length > 0) {
    await tx.delete(signals).where(inArray(signals.id, plan.drop));
    for (const id of plan.drop) audits.push({ action: 'signal.lapsed', entityType: 'signal', entityId: id });
  }
  if (audits.length > 0) await appendAudits(tx, ctx, audits);
  return {
    raised: plan.insert.length,
    changed: plan.change.filter((c) => !c.reopen).length,
    reopened: plan.change.filter((c) => c.reopen).length,
    dropped: plan.drop.length,
  };
}

async function writeFiles(tx: Executor, signalId: string, found: FoundSignal) {
  await tx.insert(signalFiles).values(
    found.files.map((f) => ({
      signalId,
      fileId: f.claimId ?? f.applicationId,
      applicationId: f.applicationId,
      claimId: f.claimId,
      programId: f.programId,
    })),
  );
}
