import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { AppError } from '../../../platform/errors.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { getCoachingOverview } from '../use-cases/get-coaching-overview.ts';
import { reopenFile } from '../use-cases/reopen-file.ts';

/** Reopening a file closed by mistake (program team): the closure, what reopening does, and a reason. */
export const loader = pageLoader(async ({ ctx, params }) => {
  const id = params.id ?? '';
  const o = await getCoachingOverview(ctx, id);
  if (!o.closed) throw redirect(`/caseload/${id}`);
  if (!o.can.reopen) throw new AppError('forbidden');
  return {
    id,
    business: o.business,
    closed: { ...o.closed, at: formatDate(o.closed.at) },
  };
});

export const action = formAction(async ({ ctx, form, params }) => {
  const id = params.id ?? '';
  await reopenFile(ctx, id, { reason: form.reason ?? '' });
  return redirect(`/caseload/${id}`);
});

export default function ReopenFile() {
  const { t } = useTranslation('coaching');
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const title = t('ui.reopen.title');
  return (
    <div className="coaching-page">
      <PageTitle title={`${title} — ${d.business}`}>{title}</PageTitle>
      <p>
        <strong>{d.business}</strong> —{' '}
        {t('ui.file.closed_on', { date: d.closed.at, outcome: t(`outcomes.${d.closed.outcome}`) })}
      </p>
      {d.closed.reason ? (
        <p>
          <strong>{t('ui.label', { label: t('fields.reason') })}</strong> {d.closed.reason}
        </p>
      ) : null}
      <ErrorSummary error={failed?.error} />
      <section aria-labelledby="reopen-effects-title" className="card">
        <h2 id="reopen-effects-title">{t('ui.reopen.effects_title')}</h2>
        <ul className="bullets">
          <li>{t('ui.reopen.expert')}</li>
          <li>{t('ui.reopen.surveys')}</li>
          <li>{t('ui.reopen.sessions')}</li>
          <li>{t('ui.reopen.history')}</li>
        </ul>
      </section>
      <PostForm className="stack">
        <TextArea
          name="reason"
          label={t('fields.reason')}
          hint={t('ui.reopen.reason_hint')}
          required
          rows={3}
          maxLength={2000}
          defaultValue={failed?.values.reason}
          error={fieldErrors(failed?.error).reason}
        />
        <p className="actions">
          <SubmitButton>{t('ui.reopen.submit')}</SubmitButton>{' '}
          <Link to={`/caseload/${d.id}`}>{t('ui.reopen.back')}</Link>
        </p>
      </PostForm>
    </div>
  );
}
