import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { ErrorSummary, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle, TableWrap } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import { earnsCertificate } from '../domain/workshops.ts';
import { acceptOffer } from '../use-cases/accept-offer.ts';
import { cancelRegistration } from '../use-cases/cancel-registration.ts';
import { listWorkshops } from '../use-cases/list-workshops.ts';
import { registerForWorkshop } from '../use-cases/register-for-workshop.ts';

export const loader = pageLoader(async ({ ctx }) => {
  const { items } = await listWorkshops(ctx, {});
  const when = (iso: string) => formatDateTime(new Date(iso), ctx.locale);
  return {
    staff: ctx.actor.kind === 'user' && ctx.actor.role !== 'retailer',
    manage: isAllowed(ctx.actor, 'workshop.manage'),
    items: items.map((w) => ({
      id: w.id,
      title: ctx.locale === 'fr' ? w.titleFr : w.titleEn,
      description: ctx.locale === 'fr' ? w.descriptionFr : w.descriptionEn,
      when: when(w.startsAt),
      minutes: w.durationMinutes,
      format: w.format,
      where: (w.format === 'online' ? w.link : w.place) ?? '',
      language: w.language,
      status: w.status,
      capacity: w.capacity,
      left: w.placesLeft,
      waiting: w.waiting,
      recommended: w.recommended,
      registration: w.registration
        ? {
            ...w.registration,
            offerExpiresAt: w.registration.offerExpiresAt ? when(w.registration.offerExpiresAt) : null,
            certificate:
              w.registration.status === 'registered' && earnsCertificate(w.registration, w)
                ? `/api/v1/workshops/${w.id}/certificates/${w.registration.id}.pdf`
                : null,
          }
        : null,
    })),
  };
});

export const action = formAction(async ({ ctx, form }) => {
  const workshopId = form.workshopId ?? '';
  const registrationId = form.registrationId ?? '';
  switch (form.intent) {
    case 'register': {
      const r = await registerForWorkshop(ctx, workshopId);
      return { done: r.status === 'registered' ? 'registered' : 'waitlisted', position: r.position };
    }
    case 'cancel':
      await cancelRegistration(ctx, workshopId, registrationId);
      return { done: 'cancelled', position: null };
    default:
      await acceptOffer(ctx, workshopId, registrationId);
      return { done: 'accepted', position: null };
  }
});

type Item = ReturnType<typeof useLoaderData<typeof loader>>['items'][number];

/** The workshops: the program team's list, or the retailer's workshops with register, cancel and accept. */
export default function Workshops() {
  const { t } = useTranslation('workshops');
  const { staff, manage, items } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const title = staff ? t('ui.staff_title') : t('ui.my_title');
  return (
    <div className="workshops-page">
      <PageTitle title={title}>{title}</PageTitle>
      <ErrorSummary error={result && 'error' in result ? result.error : undefined} />
      {result && 'done' in result ? (
        <Notice kind="success">
          <p>{t(`ui.${result.done}_done`, { position: result.position })}</p>
        </Notice>
      ) : null}
      {staff ? <StaffList items={items} manage={manage} /> : <RetailerList items={items} />}
    </div>
  );
}

function StaffList({ items, manage }: { items: Item[]; manage: boolean }) {
  const { t } = useTranslation('workshops');
  return (
    <>
      {manage ? (
        <p>
          <Link className="button button-primary" to="/workshops/new">
            {t('ui.new')}
          </Link>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{t('ui.none')}</p>
      ) : (
        <TableWrap label={t('ui.staff_title')}>
          <table className="data stacked">
            <thead>
              <tr>
                <th scope="col">{t('ui.workshop')}</th>
                <th scope="col">{t('ui.when')}</th>
                <th scope="col">{t('ui.status')}</th>
                <th scope="col">{t('fields.capacity')}</th>
                <th scope="col">{t('ui.figure_waitlisted')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((w) => (
                <tr key={w.id}>
                  <th scope="row" data-label={t('ui.workshop')}>
                    <Link to={`/workshops/${w.id}`}>{w.title}</Link>
                  </th>
                  <td data-label={t('ui.when')}>{w.when}</td>
                  <td data-label={t('ui.status')}>{t(`statuses.${w.status}`)}</td>
                  <td data-label={t('fields.capacity')}>
                    {t('ui.places', { left: w.left, capacity: w.capacity })}
                  </td>
                  <td data-label={t('ui.figure_waitlisted')}>{w.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

function RetailerList({ items }: { items: Item[] }) {
  const { t } = useTranslation('workshops');
  return (
    <>
      <p>{t('ui.intro_retailer')}</p>
      {items.length === 0 ? <p>{t('ui.none')}</p> : null}
      <ul className="card-list">
        {items.map((w) => (
          <li key={w.id} className="card">
            <h2 id={`workshop-${w.id}`}>{w.title}</h2>
            {w.recommended ? <p className="badge">{t('ui.recommended')}</p> : null}
            <p>{w.description}</p>
            <dl>
              <dt>{t('ui.when')}</dt>
              <dd>
                {w.when} ({w.minutes} min)
              </dd>
              <dt>{t('ui.where')}</dt>
              <dd>
                {t(`formats.${w.format}`)} — {w.where}
              </dd>
              <dt>{t('fields.language')}</dt>
              <dd>{t(`languages.${w.language}`)}</dd>
              <dt>{t('ui.status')}</dt>
              <dd>
                {w.registration
                  ? t(`registration_statuses.${w.registration.status}`)
                  : w.left > 0
                    ? t('ui.places', { left: w.left, capacity: w.capacity })
                    : t('ui.full', { waiting: w.waiting })}
                {w.registration?.position
                  ? ` — ${t('ui.position', { position: w.registration.position })}`
                  : null}
                {w.registration?.offerExpiresAt
                  ? ` — ${t('ui.offer_until', { when: w.registration.offerExpiresAt })}`
                  : null}
              </dd>
            </dl>
            <Actions item={w} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Actions({ item }: { item: Item }) {
  const { t } = useTranslation('workshops');
  const r = item.registration;
  const active = r && ['registered', 'waitlisted', 'offered'].includes(r.status);
  const button = (intent: string, label: string, variant: 'primary' | 'secondary' = 'primary') => (
    <PostForm className="inline-form">
      <input type="hidden" name="workshopId" value={item.id} />
      {r ? <input type="hidden" name="registrationId" value={r.id} /> : null}
      <SubmitButton name="intent" value={intent} variant={variant}>
        {label}
        <span className="sr-only"> — {item.title}</span>
      </SubmitButton>
    </PostForm>
  );
  return (
    <div className="actions">
      {!active && item.status === 'published' ? button('register', t('ui.register')) : null}
      {r?.status === 'offered' ? button('accept', t('ui.accept')) : null}
      {active ? button('cancel', t('ui.cancel'), 'secondary') : null}
      {r?.certificate ? (
        <a href={r.certificate} download>
          {t('ui.certificate')}
          <span className="sr-only"> — {item.title}</span>
        </a>
      ) : null}
    </div>
  );
}
