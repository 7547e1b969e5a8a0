import { eq } from 'drizzle-orm';
import type { Locale } from '../../../kernel/locale.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { isAppError } from '../../../platform/errors.ts';
import { writeExportFile } from '../../../platform/exports/folder.ts';
import { type ExportJob, exportJobs } from '../../../platform/exports/jobs-table.ts';
import type { ExportFile } from '../../../platform/exports/table.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { activeAccount } from '../../identity/index.ts';
import { EXPORT_RETENTION_DAYS, exportExpiry } from '../domain/export-jobs.ts';
import { findExportJob } from './get-export-job.ts';

type Account = NonNullable<Awaited<ReturnType<typeof activeAccount>>>;

/**
 * Runs an export job (the job worker, as the system): the list's own export use case, acting as the
 * person who asked with their rights of now, in the language they read the list in, without the row
 * limit; progress is written as rows are read, each in its own short transaction. The file is written
 * whole, then the job is done, audited and the person told by e-mail in one transaction. A refusal
 * (their rights changed, a filter no longer valid) fails the job with its reason.
 */
export async function runExport(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, 'export.run');
  const job = await findExportJob(ctx.db, id);
  if (!job || (job.status !== 'queued' && job.status !== 'running')) return;
  const account = await activeAccount(ctx.db, job.requestedBy);
  if (!account) return fail(ctx, job, 'reporting:exports.failures.account');
  await ctx.db
    .update(exportJobs)
    .set({ status: 'running', startedAt: ctx.now(), rowsDone: 0, rowsTotal: null })
    .where(eq(exportJobs.id, job.id));
  let rows = 0;
  const progress = async (rowsDone: number, rowsTotal: number | null) => {
    rows = rowsDone;
    await ctx.db.update(exportJobs).set({ rowsDone, rowsTotal }).where(eq(exportJobs.id, job.id));
  };
  const asker = onBehalfOf(ctx, account, job.locale);
  let file: ExportFile;
  try {
    file = await ctx.services.listExports[job.list](
      { ...asker, exportRun: { mode: 'job', progress } },
      job.format,
      job.filters,
    );
  } catch (error) {
    if (!isAppError(error)) ctx.services.logger.error({ err: error, exportJob: job.id }, 'export job failed');
    return fail(ctx, job, isAppError(error) ? error.key : 'reporting:exports.failures.internal');
  }
  const byteSize = await writeExportFile(ctx.services.config, `${job.id}.${job.format}`, file.body);
  const finishedAt = ctx.now();
  const t = translatorFor(ctx.services.i18n, account.locale);
  await transaction(ctx, async (tx) => {
    await tx
      .update(exportJobs)
      .set({
        status: 'done',
        fileName: file.filename,
        byteSize,
        finishedAt,
        expiresAt: exportExpiry(finishedAt),
      })
      .where(eq(exportJobs.id, job.id));
    await appendAudit(tx, ctx, {
      action: 'export.finished',
      entityType: 'export_job',
      entityId: job.id,
      changes: { list: job.list, format: job.format, rows, bytes: byteSize },
    });
    await queueMail(tx, ctx, {
      to: account.email,
      locale: account.locale,
      template: 'reporting:mail.export_ready',
      params: {
        name: account.name,
        list: t(`reporting:exports.lists.${job.list}`),
        format: job.format.toUpperCase(),
        days: EXPORT_RETENTION_DAYS,
      },
      actionUrl: `${ctx.services.config.publicUrl}/exports`,
    });
  });
}

async function fail(ctx: Ctx, job: ExportJob, reason: string) {
  await transaction(ctx, async (tx) => {
    await tx
      .update(exportJobs)
      .set({ status: 'failed', failure: reason, finishedAt: ctx.now() })
      .where(eq(exportJobs.id, job.id));
    await appendAudit(tx, ctx, {
      action: 'export.failed',
      entityType: 'export_job',
      entityId: job.id,
      changes: { list: job.list, reason },
    });
  });
}

/** The asker acting, as when they clicked: the use case checks their rights as for anyone. */
function onBehalfOf(ctx: Ctx, account: Account, locale: Locale): Ctx {
  return {
    ...ctx,
    actor: { kind: 'user', ...account, secondFactor: true, via: 'session' },
    locale,
    t: translatorFor(ctx.services.i18n, locale),
  };
}
