import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { AppError } from '../../../platform/errors.ts';
import { ErrorSummary, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { formatScore } from '../domain/figures.ts';
import { listApplicationDiagnostics } from '../use-cases/list-application-diagnostics.ts';
import { startDiagnostic } from '../use-cases/start-diagnostic.ts';

export const loader = pageLoader(async ({ ctx, params }) => {
  const applicationId = params.id ?? '';
  const diagnostics = await listApplicationDiagnostics(ctx, applicationId);
  const t0 = diagnostics.find((d) => d.phase === 'T0');
  return {
    applicationId,
    diagnostics: diagnostics.map((d) => ({
      ...d,
      overall: d.overall === null ? null : formatScore(d.overall, ctx.locale),
      completedAt: d.completedAt ? formatDate(d.completedAt) : null,
    })),
    canStartT0: !t0,
    canStartT1: t0?.status === 'completed' && !diagnostics.some((d) => d.phase === 'T1'),
  };
});

export const action = formAction(async ({ ctx, params, form }) => {
  if (form.phase !== 'T0' && form.phase !== 'T1') throw new AppError('bad_request');
  const { id } = await startDiagnostic(ctx, { applicationId: params.id ?? '', phase: form.phase });
  return redirect(`/diagnostics/${id}`);
});

/** The diagnostics of an application: start T0 (entry) or T1 (closure), resume, see results. */
export default function ApplicationDiagnostics() {
  const { t } = useTranslation('diagnostic');
  const { applicationId, diagnostics, canStartT0, canStartT1 } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div>
      <PageTitle title={t('list.title')}>{t('list.title')}</PageTitle>
      <p>{t('list.intro')}</p>
      {/* Up here rather than under the start button: a small link right below it is too close a target (WCAG 2.5.8). */}
      <p>
        <Link to={`/applications/${applicationId}`}>{t('take.back')}</Link>
      </p>
      <ErrorSummary error={failed?.error} />
      {diagnostics.length === 0 ? (
        <Notice>
          <p>{t('list.none')}</p>
        </Notice>
      ) : (
        <ul className="bullets">
          {diagnostics.map((d) => (
            <li key={d.id}>
              <strong>{t(`list.phase_${d.phase}`)}</strong> —{' '}
              {d.status === 'completed' ? (
                <>
                  {t('list.completed', { date: d.completedAt, score: d.overall })}{' '}
                  <Link to={`/diagnostics/${d.id}/results`}>{t('list.results')}</Link>
                </>
              ) : (
                <>
                  {t('list.in_progress')} <Link to={`/diagnostics/${d.id}`}>{t('list.resume')}</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canStartT0 || canStartT1 ? (
        <PostForm>
          <input type="hidden" name="phase" value={canStartT0 ? 'T0' : 'T1'} />
          <p>{canStartT0 ? t('list.start_t0_intro') : t('list.start_t1_intro')}</p>
          <SubmitButton>{canStartT0 ? t('list.start_t0') : t('list.start_t1')}</SubmitButton>
        </PostForm>
      ) : null}
    </div>
  );
}
