import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatNumber } from '../../../kernel/format.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { getWorkload } from '../../coaching/index.ts';
import { getExpertToEdit } from '../use-cases/get-expert-to-edit.ts';
import { updateExpert } from '../use-cases/update-expert.ts';
import { LoadMeter } from './load-meter.tsx';
import { AvailabilityField, ProfileFields } from './profile-fields.tsx';
import { byField, fieldAnchor, profileInput } from './profile-form.ts';
import { hours, loadFigures, monthName } from './workload-view.ts';

/** One expert's profile, capacity and availability, edited by the program team. */
export const loader = pageLoader(async ({ ctx, params }) => {
  const expert = await getExpertToEdit(ctx, params.id ?? '');
  const workload = await getWorkload(ctx, {});
  const w = workload.items.find((i) => i.expertId === expert.id);
  return {
    expert: { ...expert, capacity: String(expert.capacity) },
    load: loadFigures(expert.activeFiles, expert.capacity, ctx.locale),
    month: monthName(workload.month, ctx.locale),
    hoursLogged: hours(w?.hoursLogged ?? 0, ctx.locale),
    hoursThisMonth: hours(w?.hoursLoggedThisMonth ?? 0, ctx.locale),
    sessionsThisMonth: formatNumber(w?.sessionsThisMonth ?? 0, ctx.locale),
    sessionsCount: w?.sessionsThisMonth ?? 0,
  };
});

export const action = formAction(async ({ ctx, params, form, all }) => {
  await updateExpert(ctx, params.id ?? '', {
    name: form.name ?? '',
    ...profileInput(form, all),
    status: form.status ?? '',
  });
  return { saved: true as const };
});

export default function Expert() {
  const { t } = useTranslation('experts');
  const data = useLoaderData<typeof loader>();
  const { expert, load } = data;
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = byField(fieldErrors(failed?.error));
  const title = t('ui.edit.title', { name: expert.name });
  return (
    <div className="experts-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to="/experts">{t('ui.edit.back')}</Link>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('fields.email')}</dt>
          <dd>{expert.email}</dd>
        </div>
        <div>
          <dt>{t('fields.status')}</dt>
          <dd>{t(`status.${expert.status}`)}</dd>
        </div>
        <div>
          <dt>{t('ui.list.load')}</dt>
          <dd>
            <LoadMeter activeFiles={expert.activeFiles} capacity={Number(expert.capacity)} shown={load} />
          </dd>
        </div>
        <div>
          <dt>{t('ui.list.hours_logged')}</dt>
          <dd>{t('ui.list.hours', { hours: data.hoursLogged })}</dd>
        </div>
        <div>
          <dt>{t('ui.edit.month', { month: data.month })}</dt>
          <dd>
            {t('ui.edit.month_figures', {
              hours: data.hoursThisMonth,
              sessions: data.sessionsThisMonth,
              count: data.sessionsCount,
            })}
          </dd>
        </div>
      </dl>
      <p className="hint">{t('ui.edit.email_note')}</p>

      <h2>{t('ui.edit.form_title')}</h2>
      <ErrorSummary error={failed?.error} hrefFor={fieldAnchor} />
      {result && 'saved' in result ? (
        <Notice kind="success">
          <p>{t('ui.edit.saved')}</p>
        </Notice>
      ) : null}
      <PostForm className="stack profile-form">
        <ProfileFields
          nameRequired
          capacityHint={t('ui.edit.capacity_hint', { files: load.activeFiles })}
          values={{
            name: failed?.values.name ?? expert.name,
            regions: failed ? (failed.allValues.regions ?? []) : expert.regions,
            languages: failed ? (failed.allValues.languages ?? []) : expert.languages,
            specialties: failed ? (failed.allValues.specialties ?? []) : expert.specialties,
            capacity: failed?.values.capacity ?? expert.capacity,
          }}
          errors={errors}
        />
        <AvailabilityField value={failed?.values.status ?? expert.status} error={errors.status} />
        <SubmitButton>{t('ui.edit.submit')}</SubmitButton>
      </PostForm>
    </div>
  );
}
