import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { destroyFileReads } from '../../../platform/audit/file-reads.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { destroySentMail } from '../../../platform/mail/forget-mail.ts';
import { anonymiseCoaching } from '../../coaching/index.ts';
import { eraseConversations } from '../../conversations/index.ts';
import { destroyExpiredCredentials } from '../../identity/index.ts';
import { anonymiseApplications } from '../../intake/index.ts';
import {
  APPLICATION_KINDS,
  type ApplicationKind,
  countDueApplications,
  dueApplicationIds,
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
        await eraseConversations(tx, ids);
        return anonymiseApplications(tx, ids, ctx.now());
      });
      total += done;
      if (done < CHUNK) return total;
    }
  };

/** What the job does for each kind it enforces (decision 34: the owning modules do the writing). */
const SWEEPS: Partial<Record<RecordKind, Sweep>> = {
  ...Object.fromEntries(APPLICATION_KINDS.map((kind) => [kind, applicationSweep(kind)])),
  expired_credentials: inOneTransaction(destroyExpiredCredentials),
  sent_mail: inOneTransaction(destroySentMail),
  file_reads: inOneTransaction(destroyFileReads),
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
