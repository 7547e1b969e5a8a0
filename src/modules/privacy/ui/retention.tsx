import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import { getRetentionSchedule } from '../use-cases/get-retention-schedule.ts';
import { listLegalHolds } from '../use-cases/list-legal-holds.ts';
import { listRetentionRuns } from '../use-cases/list-retention-runs.ts';
import { setRetentionPeriod } from '../use-cases/set-retention-period.ts';
import { startRetentionRun } from '../use-cases/start-retention-run.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const [schedule, runs, holds] = await Promise.all([
    getRetentionSchedule(ctx),
    listRetentionRuns(ctx),
    listLegalHolds(ctx),
  ]);
  return {
    officer: isAllowed(ctx.actor, 'retention.configure'),
    started: new URL(request.url).searchParams.get('started'),
    schedule: schedule.map(({ kind, rule, changed }) => ({ kind, ...rule, changed })),
    runs: runs.map((r) => ({
      id: r.id,
      dryRun: r.dryRun,
      status: r.status,
      queuedAt: formatDateTime(r.queuedAt, ctx.locale),
      counts: Object.entries(r.counts),
    })),
    holds: holds.map((h) => ({
      applicationId: h.applicationId,
      reason: h.reason,
      placedAt: formatDateTime(h.placedAt, ctx.locale),
    })),
  };
});

export const action = formAction(async ({ ctx, form }) => {
  if (form.intent === 'run') {
    const run = await startRetentionRun(ctx, { dryRun: form.dryRun === 'true' });
    return redirect(`/privacy/retention?started=${run.dryRun ? 'dry' : 'real'}`);
  }
  const months = form.periodMonths?.trim() ? Number(form.periodMonths) : undefined;
  await setRetentionPeriod(ctx, form.kind ?? '', { periodMonths: months });
  return redirect('/privacy/retention');
});

/** The privacy officer's retention page: the schedule, its runs (the destruction log) and legal holds. */
export default function Retention() {
  const { t } = useTranslation('privacy');
  const { officer, started, schedule, runs, holds } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = fieldErrors(failed?.error);
  const title = t('retention.ui.title');
  return (
    <div className="privacy-page admin-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('retention.ui.intro')}</p>
      {started === 'dry' || started === 'real' ? (
        <Notice kind="success">
          <p>{t(`retention.ui.started_${started}`)}</p>
        </Notice>
      ) : null}
      <ErrorSummary error={failed?.error} hrefFor={() => `#period-${failed?.values.kind ?? ''}`} />
      <section aria-labelledby="schedule">
        <h2 id="schedule">{t('retention.ui.schedule')}</h2>
        <DataTable
          caption={t('retention.ui.schedule')}
          columns={[
            t('retention.ui.col_kind'),
            t('retention.ui.col_action'),
            t('retention.ui.col_trigger'),
            t('retention.ui.col_period'),
          ]}
        >
          {schedule.map((k) => (
            <tr key={k.kind}>
              <th scope="row">{t(`retention.kinds.${k.kind}`)}</th>
              <td>{t(`retention.actions.${k.action}`)}</td>
              <td>{t(`retention.triggers.${k.trigger}`)}</td>
              <td>
                {officer && k.periodMonths !== null ? (
                  <PostForm action="/privacy/retention">
                    <input type="hidden" name="kind" value={k.kind} />
                    <TextField
                      id={`period-${k.kind}`}
                      name="periodMonths"
                      type="number"
                      inputMode="numeric"
                      required
                      label={t('retention.ui.months_of', { kind: t(`retention.kinds.${k.kind}`) })}
                      hint={
                        k.minimumMonths > 0
                          ? t('retention.ui.minimum', { count: k.minimumMonths })
                          : undefined
                      }
                      defaultValue={
                        failed?.values.kind === k.kind ? failed.values.periodMonths : String(k.periodMonths)
                      }
                      error={failed?.values.kind === k.kind ? errors.periodMonths : undefined}
                    />
                    <SubmitButton variant="secondary">{t('retention.ui.save')}</SubmitButton>
                  </PostForm>
                ) : k.periodMonths === null ? (
                  '—'
                ) : (
                  t('retention.ui.months', { count: k.periodMonths })
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="runs">
        <h2 id="runs">{t('retention.ui.runs')}</h2>
        <p>{t('retention.ui.runs_intro')}</p>
        {officer ? (
          <PostForm action="/privacy/retention">
            <input type="hidden" name="intent" value="run" />
            <p className="actions">
              <SubmitButton name="dryRun" value="true">
                {t('retention.ui.dry_run')}
              </SubmitButton>
              <SubmitButton name="dryRun" value="false" variant="danger">
                {t('retention.ui.real_run')}
              </SubmitButton>
            </p>
          </PostForm>
        ) : null}
        {runs.length === 0 ? (
          <p>{t('retention.ui.no_runs')}</p>
        ) : (
          <DataTable
            caption={t('retention.ui.runs')}
            columns={[
              t('retention.ui.col_queued'),
              t('retention.ui.col_mode'),
              t('retention.ui.col_status'),
              t('retention.ui.col_counts'),
            ]}
          >
            {runs.map((r) => (
              <tr key={r.id}>
                <td>{r.queuedAt}</td>
                <td>{t(r.dryRun ? 'retention.ui.mode_dry' : 'retention.ui.mode_real')}</td>
                <td>{t(`retention.statuses.${r.status}`)}</td>
                <td>
                  <ul>
                    {r.counts.map(([kind, count]) => (
                      <li key={kind}>
                        {t(`retention.kinds.${kind}`)} : {count}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="holds">
        <h2 id="holds">{t('retention.ui.holds')}</h2>
        {holds.length === 0 ? (
          <p>{t('retention.ui.no_holds')}</p>
        ) : (
          <ul>
            {holds.map((h) => (
              <li key={h.applicationId}>
                <Link to={`/review/applications/${h.applicationId}`}>
                  {t('retention.ui.held_file', { date: h.placedAt })}
                </Link>{' '}
                — {h.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
