import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDateTime, formatNumber } from '../../../kernel/format.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle, TableWrap } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { cancelWorkshop } from '../use-cases/cancel-workshop.ts';
import { getWorkshop } from '../use-cases/get-workshop.ts';
import { importAttendance } from '../use-cases/import-attendance.ts';
import { publishWorkshop } from '../use-cases/publish-workshop.ts';
import { recordAttendance } from '../use-cases/record-attendance.ts';

export const loader = pageLoader(async ({ ctx, params, request }) => {
  const d = await getWorkshop(ctx, params.id ?? '');
  const w = d.workshop;
  const figure = (v: number | null, unit = '') =>
    v === null ? null : `${formatNumber(v, ctx.locale)}${unit}`;
  return {
    created: new URL(request.url).searchParams.has('created'),
    saved: new URL(request.url).searchParams.has('saved'),
    editable: d.can.manage && new Date(w.startsAt).getTime() > ctx.now().getTime(),
    id: w.id,
    title: ctx.locale === 'fr' ? w.titleFr : w.titleEn,
    when: formatDateTime(new Date(w.startsAt), ctx.locale),
    minutes: w.durationMinutes,
    status: w.status,
    where: (w.format === 'online' ? w.link : w.place) ?? '',
    format: w.format,
    capacity: w.capacity,
    left: w.placesLeft,
    figures: {
      registered: d.figures.registered,
      waitlisted: d.figures.waitlisted,
      attendance: figure(d.figures.attendanceRate, ' %'),
      satisfaction: figure(d.figures.satisfaction.mean),
    },
    registrations: d.registrations,
    can: d.can,
  };
});

export const action = formAction(async ({ ctx, form, params, all }) => {
  const id = params.id ?? '';
  switch (form.intent) {
    case 'publish':
      await publishWorkshop(ctx, id);
      return { done: 'published' as const, unmatched: '' };
    case 'cancel':
      await cancelWorkshop(ctx, id);
      return { done: 'workshop_cancelled' as const, unmatched: '' };
    case 'import': {
      const { unmatched } = await importAttendance(ctx, id, form.csv ?? '');
      return { done: 'imported' as const, unmatched: unmatched.join(', ') || '—' };
    }
    default: {
      const present = new Set(all('present'));
      await recordAttendance(
        ctx,
        id,
        all('registrationId').map((registrationId) => ({
          registrationId,
          present: present.has(registrationId),
          minutesAttended: present.has(registrationId) ? formNumber(form[`minutes.${registrationId}`]) : 0,
        })),
      );
      return { done: 'attendance_saved' as const, unmatched: '' };
    }
  }
});

/** One workshop for the team and its facilitator: its figures, who registered and waits, attendance. */
export default function Workshop() {
  const { t } = useTranslation('workshops');
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const title = t('ui.detail_title', { title: d.title });
  const held = d.registrations.filter((r) => r.status === 'registered');
  const waiting = d.registrations.filter((r) => r.status === 'waitlisted' || r.status === 'offered');
  return (
    <div className="workshops-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to="/workshops">{t('ui.staff_title')}</Link>
      </p>
      {d.created ? (
        <Notice kind="info">
          <p>{t('ui.created')}</p>
        </Notice>
      ) : null}
      {d.saved ? (
        <Notice kind="info">
          <p>{t('ui.saved')}</p>
        </Notice>
      ) : null}
      {result && 'done' in result ? (
        <Notice kind="success">
          <p>
            {result.done === 'imported'
              ? t('ui.imported', { unmatched: result.unmatched })
              : t(`ui.${result.done}`)}
          </p>
        </Notice>
      ) : null}
      <ErrorSummary error={failed?.error} />
      <dl>
        <dt>{t('ui.when')}</dt>
        <dd>
          {d.when} ({d.minutes} min)
        </dd>
        <dt>{t('ui.where')}</dt>
        <dd>
          {t(`formats.${d.format}`)} — {d.where}
        </dd>
        <dt>{t('ui.status')}</dt>
        <dd>{t(`statuses.${d.status}`)}</dd>
      </dl>
      {d.editable && d.status !== 'cancelled' ? (
        <div className="actions">
          <Link to={`/workshops/${d.id}/edit`}>{t('ui.edit')}</Link>
          <PostForm>
            <SubmitButton name="intent" value="cancel" variant="danger">
              {t('ui.cancel_workshop')}
            </SubmitButton>
          </PostForm>
        </div>
      ) : null}
      {d.status === 'draft' && d.can.manage ? (
        <PostForm>
          <SubmitButton name="intent" value="publish">
            {t('ui.publish')}
          </SubmitButton>
        </PostForm>
      ) : null}

      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t('ui.figures')}</h2>
        <dl>
          <dt>{t('ui.figure_registered')}</dt>
          <dd>
            {d.figures.registered} ({t('ui.places', { left: d.left, capacity: d.capacity })})
          </dd>
          <dt>{t('ui.figure_waitlisted')}</dt>
          <dd>{d.figures.waitlisted}</dd>
          <dt>{t('ui.figure_attendance')}</dt>
          <dd>{d.figures.attendance ?? t('ui.no_figure')}</dd>
          <dt>{t('ui.figure_satisfaction')}</dt>
          <dd>{d.figures.satisfaction ?? t('ui.no_figure')}</dd>
        </dl>
      </section>

      <section aria-labelledby="attendance-title">
        <h2 id="attendance-title">{t('ui.attendance_title')}</h2>
        {!d.can.attendance ? <p>{t('ui.attendance_not_yet')}</p> : <p>{t('ui.attendance_intro')}</p>}
        {held.length > 0 ? (
          <PostForm>
            <TableWrap label={t('ui.attendance_title')}>
              <table className="data stacked">
                <thead>
                  <tr>
                    <th scope="col">{t('ui.person')}</th>
                    <th scope="col">{t('fields.present')}</th>
                    <th scope="col">{t('fields.minutesAttended')}</th>
                    <th scope="col">{t('ui.certificate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {held.map((r, i) => (
                    <tr key={r.id}>
                      <th scope="row" data-label={t('ui.person')}>
                        {r.name}
                        <input type="hidden" name="registrationId" value={r.id} />
                      </th>
                      <td data-label={t('fields.present')}>
                        <input
                          id={`present-${r.id}`}
                          type="checkbox"
                          name="present"
                          value={r.id}
                          defaultChecked={r.present === true}
                          aria-label={`${t('fields.present')} — ${r.name}`}
                        />
                      </td>
                      <td data-label={t('fields.minutesAttended')}>
                        <input
                          id={`field-${i}-minutesAttended`}
                          name={`minutes.${r.id}`}
                          inputMode="numeric"
                          size={5}
                          defaultValue={String(r.minutesAttended ?? d.minutes)}
                          aria-label={`${t('fields.minutesAttended')} — ${r.name}`}
                          aria-invalid={errors[`${i}.minutesAttended`] ? true : undefined}
                        />
                      </td>
                      <td data-label={t('ui.certificate')}>
                        {r.certificate ? (
                          <a href={`/api/v1/workshops/${d.id}/certificates/${r.id}.pdf`} download>
                            PDF<span className="sr-only"> — {r.name}</span>
                          </a>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {d.can.attendance ? (
              <SubmitButton name="intent" value="attendance">
                {t('ui.save_attendance')}
              </SubmitButton>
            ) : null}
          </PostForm>
        ) : null}
        {d.can.attendance && d.format === 'online' ? (
          <PostForm className="stack">
            <h3>{t('ui.import_title')}</h3>
            <TextArea
              name="csv"
              label={t('fields.csv')}
              hint={t('ui.import_help')}
              required
              error={errors.csv}
            />
            <SubmitButton name="intent" value="import" variant="secondary">
              {t('ui.import')}
            </SubmitButton>
          </PostForm>
        ) : null}
      </section>

      {waiting.length > 0 ? (
        <section aria-labelledby="waitlist-title">
          <h2 id="waitlist-title">{t('ui.figure_waitlisted')}</h2>
          <ol>
            {waiting.map((r) => (
              <li key={r.id}>
                {r.name} — {t(`registration_statuses.${r.status}`)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
