import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatNumber } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ExportLinks } from '../../../platform/ui/exports.tsx';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { getWorkload } from '../../coaching/index.ts';
import { createExpert } from '../use-cases/create-expert.ts';
import { getExpertRoster } from '../use-cases/get-expert-roster.ts';
import { LoadMeter } from './load-meter.tsx';
import { ProfileFields } from './profile-fields.tsx';
import { byField, fieldAnchor, profileInput } from './profile-form.ts';
import { hours, loadFigures, monthName } from './workload-view.ts';

/** The experts with their workload, and the form to add an expert profile (program team). */
export const loader = pageLoader(async ({ ctx }) => {
  const [{ items, can }, workload] = await Promise.all([getExpertRoster(ctx), getWorkload(ctx, {})]);
  const work = new Map(workload.items.map((w) => [w.expertId, w]));
  return {
    month: monthName(workload.month, ctx.locale),
    canInvite: can.invite,
    experts: items.map((e) => {
      const w = work.get(e.id);
      return {
        id: e.id,
        name: e.name,
        email: e.email,
        status: e.status,
        regions: e.regions,
        languages: e.languages,
        activeFiles: e.activeFiles,
        capacity: e.capacity,
        load: loadFigures(e.activeFiles, e.capacity, ctx.locale),
        hoursLogged: hours(w?.hoursLogged ?? 0, ctx.locale),
        hoursThisMonth: hours(w?.hoursLoggedThisMonth ?? 0, ctx.locale),
        sessionsThisMonth: formatNumber(w?.sessionsThisMonth ?? 0, ctx.locale),
      };
    }),
  };
});

export const action = formAction(async ({ ctx, form, all }) => {
  const created = await createExpert(ctx, {
    // Left empty, the address is missing ("required"), not malformed.
    ...(form.email?.trim() ? { email: form.email } : {}),
    ...(form.name?.trim() ? { name: form.name } : {}),
    ...profileInput(form, all),
  });
  return { created: { id: created.id, name: created.name } };
});

export default function Experts() {
  const { t } = useTranslation('experts');
  const { experts, month, canInvite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const created = result && 'created' in result ? result.created : undefined;
  const errors = byField(fieldErrors(failed?.error));
  return (
    <div className="experts-page">
      <PageTitle title={t('ui.list.title')}>{t('ui.list.title')}</PageTitle>
      <p>{t('ui.list.intro')}</p>
      <p className="actions">
        <Link to="/assignments">{t('ui.list.to_assignments')}</Link>
        <a href="#add-expert">{t('ui.list.to_add')}</a>
      </p>
      {experts.length > 0 ? <ExportLinks page="/experts" search="" /> : null}

      {experts.length === 0 ? (
        <Notice>
          <p>{t('ui.list.none')}</p>
        </Notice>
      ) : (
        <DataTable
          caption={t('ui.list.caption', { month })}
          showCaption
          className="stacked workload"
          columns={[
            t('fields.expertId'),
            t('fields.status'),
            t('ui.list.load'),
            t('ui.list.hours_logged'),
            t('ui.list.hours_month'),
            t('ui.list.sessions_month'),
          ]}
        >
          {experts.map((e) => (
            <tr key={e.id}>
              <th scope="row" data-label={t('fields.expertId')}>
                <Link to={`/experts/${e.id}`}>{e.name}</Link>
                <div className="hint">
                  {t('ui.list.regions_short', { regions: e.regions.join(', ') })}
                  {' · '}
                  {e.languages.map((l) => t(`ui.languages.${l}`)).join(', ')}
                </div>
              </th>
              <td data-label={t('fields.status')}>
                <span className={`availability availability-${e.status}`}>{t(`status.${e.status}`)}</span>
              </td>
              <td data-label={t('ui.list.load')}>
                <LoadMeter activeFiles={e.activeFiles} capacity={e.capacity} shown={e.load} />
              </td>
              <td data-label={t('ui.list.hours_logged')} className="number">
                {t('ui.list.hours', { hours: e.hoursLogged })}
              </td>
              <td data-label={t('ui.list.hours_month')} className="number">
                {t('ui.list.hours', { hours: e.hoursThisMonth })}
              </td>
              <td data-label={t('ui.list.sessions_month')} className="number">
                {e.sessionsThisMonth}
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      <section aria-labelledby="add-expert" className="add-expert">
        <h2 id="add-expert" tabIndex={-1}>
          {t('ui.add.title')}
        </h2>
        <p>{t('ui.add.intro')}</p>
        <ErrorSummary error={failed?.error} hrefFor={fieldAnchor} />
        {created ? (
          <Notice kind="success">
            <p>
              {t('ui.add.created', { name: created.name })}{' '}
              <Link to={`/experts/${created.id}`}>{t('ui.add.see_profile')}</Link>
            </p>
          </Notice>
        ) : null}
        {/* A new key after each profile added: the form starts empty again. */}
        <PostForm className="stack profile-form" key={created?.id ?? 'new'}>
          <TextField
            name="email"
            type="email"
            label={t('fields.email')}
            hint={
              <>
                {t('ui.add.email_hint')}
                {canInvite ? (
                  <>
                    {' '}
                    <Link to="/admin/users">{t('ui.add.users_link')}</Link>
                  </>
                ) : null}
              </>
            }
            required
            autoComplete="off"
            defaultValue={failed?.values.email ?? ''}
            error={errors.email}
          />
          <ProfileFields
            nameRequired={false}
            nameHint={t('ui.add.name_hint')}
            capacityHint={t('ui.profile.capacity_hint')}
            values={{
              name: failed?.values.name ?? '',
              regions: failed?.allValues.regions ?? [],
              languages: failed?.allValues.languages ?? [],
              specialties: failed?.allValues.specialties ?? [],
              capacity: failed?.values.capacity ?? '',
            }}
            errors={errors}
          />
          <SubmitButton>{t('ui.add.submit')}</SubmitButton>
        </PostForm>
      </section>
    </div>
  );
}
