import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { destroyFileReads } from '../../../platform/audit/file-reads.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { fileStoreOf } from '../../../platform/files/store.ts';
import { destroySentMail, forgetMailTo } from '../../../platform/mail/forget-mail.ts';
import { anonymiseCoaching } from '../../coaching/index.ts';
import { eraseConversations } from '../../conversations/index.ts';
import { destroyBankAccounts, destroyClaimAttachments, heldFileHashes } from '../../funding/index.ts';
import { destroyExpiredCredentials, eraseAccount } from '../../identity/index.ts';
import { anonymiseApplications } from '../../intake/index.ts';
import { eraseResearchExtracts } from '../../reporting/index.ts';
import { anonymiseWorkshopRegistrations } from '../../workshops/index.ts';
import {
  APPLICATION_KINDS,
  type ApplicationKind,
  countDueApplications,
  type DueRecords,
  dueApplicationIds,
  dueBankAccounts,
  dueClaimFiles,
  dueResearchExtracts,
  dueUnusedAccounts,
  periodOverrides,
} from '../db/expired-records.ts';
import { retentionRuns } from '../db/retention-tables.ts';
import { effectiveSchedule, expiryCutoff, type RecordKind } from '../domain/retention-schedule.ts';

/** Files anonymised per transaction: short transactions keep the embedded engine answering (DESIGN §1). */
const CHUNK = 200;

type Sweep = (ctx: Ctx, cutoff: Date, dryRun: boolean) => Promise<number>;

/** One short transaction that destroys (or counts) what expired in a table the platform or identity keeps. */
const inOneTransaction =
  (work: (tx: Tx, cutoff: Date, dryRun: boolean) => Promise<number>): Sweep =>
  (ctx, cutoff, dryRun) =>
    transaction(ctx, (tx) => work(tx, cutoff, dryRun));

/** Anonymises the due files of a kind chunk by chunk, each chunk with its coaching in one transaction. */
const applicationSweep =
  (kind: ApplicationKind): Sweep =>
  async (ctx, cutoff, dryRun) => {
    if (dryRun) return countDueApplications(ctx.db, kind, cutoff);
    let total = 0;
    for (;;) {
      const done = await transaction(ctx, async (tx) => {
        const ids = await dueApplicationIds(tx, kind, cutoff, CHUNK);
        await anonymiseCoaching(tx, ids);
        await anonymiseWorkshopRegistrations(tx, ids);
        await eraseConversations(tx, ids);
        return anonymiseApplications(tx, ids, ctx.now());
      });
      total += done;
      if (done < CHUNK) return total;
    }
  };

/** Destroys (or counts) another module's due records chunk by chunk, through the owner's helper. */
const chunkedSweep =
  (due: DueRecords, destroy: (ctx: Ctx, tx: Tx, ids: string[]) => Promise<number>): Sweep =>
  async (ctx, cutoff, dryRun) => {
    if (dryRun) return due.count(ctx.db, cutoff);
    let total = 0;
    for (;;) {
      const [done, size] = await transaction(ctx, async (tx) => {
        const ids = await due.ids(tx, cutoff, CHUNK);
        return [await destroy(ctx, tx, ids), ids.length] as const;
      });
      total += done;
      if (size < CHUNK) return total;
    }
  };

/**
 * Erases the bytes of these files that no record holds any more (decision 23 left them to this run),
 * unless kept again since `keptBefore`; returns how many were erased (or would be, for a dry run).
 */
async function eraseUnheldFiles(ctx: Ctx, hashes: string[], keptBefore: Date, dryRun: boolean) {
  const store = fileStoreOf(ctx.services.config);
  const held = await heldFileHashes(ctx.db, hashes);
  const unheld = hashes.filter((sha256) => !held.has(sha256));
  if (!dryRun) for (const sha256 of unheld) await store.remove(sha256, keptBefore);
  return unheld.length;
}

/** Claims' attachments past their period: rows destroyed, then the bytes no other row holds. */
const claimFilesSweep: Sweep = async (ctx, cutoff, dryRun) => {
  const hashes: string[] = [];
  const rows = await chunkedSweep(dueClaimFiles, async (_, tx, ids) => {
    hashes.push(...(await destroyClaimAttachments(tx, ids)));
    return ids.length;
  })(ctx, cutoff, dryRun);
  await eraseUnheldFiles(ctx, hashes, ctx.now(), dryRun);
  return rows;
};

/** Files in the store that no record has held since the cutoff (an attachment removed, a refused upload). */
const unreferencedFilesSweep: Sweep = async (ctx, cutoff, dryRun) => {
  let erased = 0;
  let batch: string[] = [];
  const flush = async () => {
    erased += await eraseUnheldFiles(ctx, batch, cutoff, dryRun);
    batch = [];
  };
  for await (const sha256 of fileStoreOf(ctx.services.config).keptBefore(cutoff)) {
    batch.push(sha256);
    if (batch.length === CHUNK) await flush();
  }
  await flush();
  return erased;
};

/** Unused accounts lose their identifiers as a confirmed deletion does, and their e-mails with them. */
async function eraseUnusedAccounts(ctx: Ctx, tx: Tx, ids: string[]) {
  for (const id of ids) {
    const address = await eraseAccount(tx, id, ctx.now());
    if (address) await forgetMailTo(tx, address);
  }
  return ids.length;
}

/** What the job does for each kind it enforces (decisions 34 and 42: the owning modules do the writing). */
const SWEEPS: Partial<Record<RecordKind, Sweep>> = {
  ...Object.fromEntries(APPLICATION_KINDS.map((kind) => [kind, applicationSweep(kind)])),
  expired_credentials: inOneTransaction(destroyExpiredCredentials),
  sent_mail: inOneTransaction(destroySentMail),
  file_reads: inOneTransaction(destroyFileReads),
  claim_files: claimFilesSweep,
  bank_details: chunkedSweep(dueBankAccounts, (_, tx, ids) => destroyBankAccounts(tx, ids)),
  unreferenced_files: unreferencedFilesSweep,
  unused_accounts: chunkedSweep(dueUnusedAccounts, eraseUnusedAccounts),
  research_extracts: chunkedSweep(dueResearchExtracts, (ctx, tx, ids) =>
    eraseResearchExtracts(tx, ids, ctx.now()),
  ),
};

/**
 * Runs a queued retention run: for every kind the job enforces, anonymises or destroys what expired
 * under the schedule in force (or only counts it, for a dry run), and records the counts — never the
 * content — with an audit event. A failure is recorded on the run and rethrown.
 */
export async function runRetention(ctx: Ctx, runId: string): Promise<Record<string, number>> {
  // Taken atomically: a run delivered twice (a job retried, two workers) is applied once.
  const [run] = await ctx.db
    .update(retentionRuns)
    .set({ status: 'running' })
    .where(and(eq(retentionRuns.id, runId), eq(retentionRuns.status, 'queued')))
    .returning();
  if (!run) return {};
  const counts: Record<string, number> = {};
  try {
    const schedule = effectiveSchedule(await periodOverrides(ctx.db));
    for (const { kind, rule } of schedule) {
      const sweep = SWEEPS[kind];
      if (!sweep || rule.enforcedBy !== 'retention_job' || rule.periodMonths === null) continue;
      counts[kind] = await sweep(ctx, expiryCutoff(ctx.now(), rule.periodMonths), run.dryRun);
    }
  } catch (error) {
    await ctx.db
      .update(retentionRuns)
      .set({ status: 'failed', counts, failure: String(error), finishedAt: ctx.now() })
      .where(eq(retentionRuns.id, runId));
    throw error;
  }
  await transaction(ctx, async (tx) => {
    await tx
      .update(retentionRuns)
      .set({ status: 'done', counts, finishedAt: ctx.now() })
      .where(eq(retentionRuns.id, runId));
    await appendAudit(tx, ctx, {
      action: run.dryRun ? 'retention.dry_run' : 'retention.run',
      entityType: 'retention_run',
      entityId: runId,
      changes: { counts },
    });
  });
  return counts;
}
