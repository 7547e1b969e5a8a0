import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { AppError } from '../../../platform/errors.ts';
import { RadioGroup, TextArea } from '../../../platform/ui/choices.tsx';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { littleDone } from '../domain/closure.ts';
import { closeFile } from '../use-cases/close-file.ts';
import { getCoachingOverview } from '../use-cases/get-coaching-overview.ts';
import { readable, sessionTime } from './values.ts';

/** What closing a file means, shown before it is confirmed: where the file stands, and what closing cancels. */
export const loader = pageLoader(async ({ ctx, params }) => {
  const id = params.id ?? '';
  const o = await getCoachingOverview(ctx, id);
  if (o.closed) throw redirect(`/caseload/${id}`);
  if (!o.can.close) throw new AppError('forbidden');
  const now = ctx.now().getTime();
  const sessionsHeld = o.sessions.filter((s) => s.status === 'held').length;
  const plan = o.plan ? { done: o.plan.done, total: o.plan.total } : null;
  return {
    id,
    business: o.business,
    expert: o.assigned ? (o.expert?.name ?? null) : null,
    hours: {
      used: readable(o.hoursBudget.usedHours, ctx.locale),
      budget: readable(o.hoursBudget.budgetHours, ctx.locale),
    },
    sessionsHeld,
    plan: o.plan,
    planApproved: o.plan?.status === 'approved',
    littleDone: littleDone({ sessionsHeld, plan }),
    toCancel: o.sessions
      .filter((s) => s.status === 'scheduled' && new Date(s.startsAt).getTime() > now)
      .map((s) => ({ id: s.id, ...sessionTime(s.startsAt, s.durationMinutes, ctx.locale), mode: s.mode })),
  };
});

export const action = formAction(async ({ ctx, form, params }) => {
  const id = params.id ?? '';
  await closeFile(ctx, id, {
    outcome: form.outcome,
    ...(form.reason?.trim() ? { reason: form.reason } : {}),
  });
  return redirect(`/caseload/${id}`);
});

export default function CloseFile() {
  const { t } = useTranslation('coaching');
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = fieldErrors(failed?.error);
  const title = t('ui.close.title');
  return (
    <div className="coaching-page">
      <PageTitle title={`${title} — ${d.business}`}>{title}</PageTitle>
      <p>
        <strong>{d.business}</strong>
      </p>
      <ErrorSummary error={failed?.error} />

      <section aria-labelledby="close-summary-title" className="card">
        <h2 id="close-summary-title">{t('ui.close.summary_title')}</h2>
        <ul className="bullets">
          <li>
            {t('ui.label', { label: t('ui.close.hours') })}{' '}
            {t('ui.hours_of', { used: d.hours.used, budget: d.hours.budget })}
          </li>
          <li>{t('ui.close.sessions_held', { count: d.sessionsHeld })}</li>
          <li>
            {t('ui.label', { label: t('ui.plan.title') })}{' '}
            {d.plan
              ? `${t(`ui.plan_status.${d.plan.status}`)} — ${t('ui.plan_progress', { done: d.plan.done, total: d.plan.total })}`
              : t('ui.close.no_plan')}
          </li>
        </ul>
      </section>

      <section aria-labelledby="close-effects-title" className="card">
        <h2 id="close-effects-title">{t('ui.close.effects_title')}</h2>
        {d.toCancel.length === 0 ? (
          <p>{t('ui.close.no_session_cancelled')}</p>
        ) : (
          <>
            <p>{t('ui.close.sessions_cancelled', { count: d.toCancel.length })}</p>
            <ul className="bullets">
              {d.toCancel.map((s) => (
                <li key={s.id}>
                  {t('ui.sessions.when', { when: s.when, until: s.until })} — {t(`modes.${s.mode}`)}
                </li>
              ))}
            </ul>
          </>
        )}
        {d.expert ? <p>{t('ui.close.assignment_ends', { name: d.expert })}</p> : null}
        <p>{t('ui.close.follow_up')}</p>
        <p>{t('ui.close.reopen_note')}</p>
      </section>

      {d.littleDone ? (
        <Notice kind="warning">
          <p>{t('ui.close.little_done')}</p>
        </Notice>
      ) : null}
      {d.planApproved ? null : <p className="hint">{t('ui.close.plan_not_approved')}</p>}

      <PostForm className="stack">
        <RadioGroup
          name="outcome"
          label={t('fields.outcome')}
          required
          defaultValue={failed?.values.outcome}
          options={[
            { value: 'completed', label: t('outcomes.completed') },
            { value: 'abandoned', label: t('outcomes.abandoned') },
          ]}
          error={errors.outcome}
        />
        <TextArea
          name="reason"
          label={t('fields.reason')}
          // With little done, both outcomes need one: abandoning always, « Plan réalisé » because of it.
          required={d.littleDone}
          hint={d.littleDone ? t('ui.close.reason_hint_little_done') : t('ui.close.reason_hint')}
          rows={3}
          maxLength={2000}
          defaultValue={failed?.values.reason}
          error={errors.reason}
        />
        <p className="actions">
          <SubmitButton variant="danger">{t('ui.close.submit')}</SubmitButton>{' '}
          <Link to={`/caseload/${d.id}`}>{t('ui.close.back')}</Link>
        </p>
      </PostForm>
    </div>
  );
}
