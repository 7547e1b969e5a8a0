import { useTranslation } from 'react-i18next';
import { useLoaderData } from 'react-router';
import { formatDate, formatDateTime, formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { ExportJob } from '../../../platform/exports/jobs-table.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { EXPORT_RETENTION_DAYS } from '../domain/export-jobs.ts';
import { listMyExports } from '../use-cases/list-my-exports.ts';

/** While an export runs, the page reloads itself this often (no JavaScript needed). */
const REFRESH_SECONDS = 5;

const fileSize = (bytes: number, locale: Locale) =>
  new Intl.NumberFormat(`${locale}-CA`, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
    Math.max(1, Math.round(bytes / 1024)),
  );

function progressOf(job: ExportJob, locale: Locale) {
  if (job.status !== 'running') return null;
  return {
    done: job.rowsDone,
    total: job.rowsTotal,
    text:
      job.rowsTotal === null
        ? { key: 'exports.rows_read', params: { count: formatNumber(job.rowsDone, locale) } }
        : { key: 'exports.writing', params: { total: formatNumber(job.rowsTotal, locale) } },
  };
}

export const loader = pageLoader(async ({ ctx, request }) => {
  const jobs = await listMyExports(ctx);
  const started = new URL(request.url).searchParams.get('started');
  return {
    started: jobs.some((j) => j.id === started),
    limit: formatNumber(ctx.services.config.exportRowLimit, ctx.locale),
    refreshing: jobs.some((j) => j.status === 'queued' || j.status === 'running'),
    jobs: jobs.map((job) => ({
      id: job.id,
      list: job.list,
      format: job.format.toUpperCase(),
      status: job.status,
      askedAt: formatDateTime(job.createdAt, ctx.locale),
      progress: progressOf(job, ctx.locale),
      rows: job.rowsTotal === null ? null : formatNumber(job.rowsTotal, ctx.locale),
      size: job.byteSize === null ? null : fileSize(job.byteSize, ctx.locale),
      expiresOn: job.expiresAt ? formatDate(job.expiresAt) : null,
      failure: job.failure ? ctx.t(job.failure) : null,
    })),
  };
});

export default function MyExports() {
  const { t } = useTranslation('reporting');
  const { jobs, started, limit, refreshing } = useLoaderData<typeof loader>();
  const pending = jobs.filter((j) => j.status === 'queued' || j.status === 'running').length;
  return (
    <div>
      {/* Only while something is being prepared: a finished list has nothing left to show. */}
      {refreshing ? <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} /> : null}
      <PageTitle title={t('exports.title')}>{t('exports.title')}</PageTitle>
      <p>{t('exports.intro', { days: EXPORT_RETENTION_DAYS })}</p>
      {started ? <Notice kind="success">{t('exports.started', { limit })}</Notice> : null}
      <p role="status">
        {refreshing ? `${t('exports.pending', { count: pending })} ${t('exports.refreshing')}` : null}
      </p>
      {jobs.length === 0 ? (
        <p>{t('exports.none')}</p>
      ) : (
        <DataTable
          caption={t('exports.caption')}
          className="stacked"
          columns={[
            t('exports.columns.list'),
            t('exports.columns.asked'),
            t('exports.columns.status'),
            t('exports.columns.file'),
          ]}
        >
          {jobs.map((job) => {
            const list = t(`exports.lists.${job.list}`);
            return (
              <tr key={job.id}>
                <td>
                  {list} ({job.format})
                </td>
                <td>{job.askedAt}</td>
                <td>
                  {t(`exports.status.${job.status}`)}
                  {job.progress ? (
                    <>
                      {' '}
                      <progress
                        max={job.progress.total ?? undefined}
                        value={job.progress.total === null ? undefined : job.progress.done}
                        aria-label={t(job.progress.text.key, job.progress.text.params)}
                      />{' '}
                      {t(job.progress.text.key, job.progress.text.params)}
                    </>
                  ) : null}
                  {job.failure ? <> — {job.failure}</> : null}
                </td>
                <td>
                  {job.status === 'done' ? (
                    <>
                      <a href={`/exports/${job.id}/file`}>
                        {t('exports.download', { list, format: job.format, size: job.size })}
                      </a>{' '}
                      ({t('exports.rows', { total: job.rows })}, {t('exports.until', { date: job.expiresOn })}
                      )
                    </>
                  ) : job.status === 'expired' ? (
                    t('exports.expired_note', { days: EXPORT_RETENTION_DAYS })
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
