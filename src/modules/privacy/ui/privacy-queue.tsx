import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { answerPrivacyRequest } from '../use-cases/answer-privacy-request.ts';
import { deleteAccount } from '../use-cases/delete-account.ts';
import { privacyQueue } from '../use-cases/privacy-queue.ts';
import { RequestClock } from './request-clock.tsx';

const QUEUE_PATH = '/privacy';

export const loader = pageLoader(async ({ ctx, request }) => {
  const { requests, incidents, extracts } = await privacyQueue(ctx);
  const search = new URL(request.url).searchParams;
  return {
    moved: search.get('moved'),
    recorded: search.has('recorded'),
    updated: search.has('updated'),
    requests: requests.map((r) => ({
      id: r.id,
      requesterId: r.requesterId,
      kind: r.kind,
      details: r.details,
      status: r.status,
      receivedOn: formatDate(r.receivedAt),
      requester: `${r.requester.name} <${r.requester.email}>`,
      clock: r.clock,
    })),
    incidents: incidents.map((i) => ({
      id: i.id,
      learnedOn: i.learnedOn,
      informationInvolved: i.informationInvolved,
      personsAffected: i.personsAffected,
      seriousRisk: i.seriousRisk,
      commissionNotifiedOn: i.commissionNotifiedOn,
      personsNotifiedOn: i.personsNotifiedOn,
      letter: i.adviceToPersons !== null,
      version: i.version,
    })),
    extracts: extracts.map((x) => ({
      id: x.id,
      program: x.programName,
      name: x.requesterName,
      date: formatDate(x.requestedAt),
      purpose: x.purpose,
    })),
  };
});

export const action = formAction(async ({ ctx, form }) => {
  if (form.status === 'delete_account') {
    // The deletion answers the request, with the officer's text, in one transaction (decision 42).
    await deleteAccount(ctx, form.requesterId ?? '', { reason: form.answer ?? '', requestId: form.id });
    return redirect(`${QUEUE_PATH}?moved=account_deleted`);
  }
  const moved = await answerPrivacyRequest(ctx, form.id ?? '', {
    status: form.status,
    ...(form.answer ? { answer: form.answer } : {}),
  });
  return redirect(`${QUEUE_PATH}?moved=${moved.status}`);
});

/** The privacy officer's queue: requests by urgency, the incident register, extracts awaiting approval. */
export default function PrivacyQueue() {
  const { t } = useTranslation('privacy');
  const { moved, recorded, updated, requests, incidents, extracts } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const title = t('queue.title');
  return (
    <div className="privacy-page">
      <PageTitle title={title}>{title}</PageTitle>
      {moved === 'in_progress' || moved === 'answered' || moved === 'refused' ? (
        <Notice kind="success">
          <p>{t('queue.answered_notice', { status: t(`requests.statuses.${moved}`) })}</p>
        </Notice>
      ) : null}
      {moved === 'account_deleted' ? (
        <Notice kind="success">
          <p>{t('queue.deleted_notice')}</p>
        </Notice>
      ) : null}
      {recorded ? (
        <Notice kind="success">
          <p>{t('incidents.ui.recorded')}</p>
        </Notice>
      ) : null}
      {updated ? (
        <Notice kind="success">
          <p>{t('incidents.ui.updated')}</p>
        </Notice>
      ) : null}
      <p>{t('queue.intro')}</p>
      <section aria-labelledby="requests">
        <h2 id="requests">{t('queue.requests')}</h2>
        {requests.length === 0 ? <p>{t('queue.no_requests')}</p> : null}
        {requests.map((r) => {
          const mine = failed?.values.id === r.id;
          const errors = mine ? fieldErrors(failed.error) : {};
          return (
            <article key={r.id} className="card" aria-labelledby={`request-${r.id}`}>
              <h3 id={`request-${r.id}`}>
                {t(`requests.kinds.${r.kind}`)} — <RequestClock clock={r.clock} answeredOn={null} />
              </h3>
              <dl>
                <dt>{t('queue.from')}</dt>
                <dd>{r.requester}</dd>
                <dt>{t('requests.ui.received_on')}</dt>
                <dd>{r.receivedOn}</dd>
                <dt>{t('requests.fields.status')}</dt>
                <dd>{t(`requests.statuses.${r.status}`)}</dd>
                <dt>{t('requests.fields.details')}</dt>
                <dd>{r.details}</dd>
              </dl>
              {mine ? <ErrorSummary error={failed.error} hrefFor={() => `#answer-${r.id}`} /> : null}
              <PostForm action={QUEUE_PATH}>
                <input type="hidden" name="id" value={r.id} />
                <input type="hidden" name="requesterId" value={r.requesterId} />
                <TextArea
                  id={`answer-${r.id}`}
                  name="answer"
                  label={t('requests.fields.answer')}
                  rows={4}
                  maxLength={8000}
                  defaultValue={mine ? failed.values.answer : undefined}
                  error={errors.answer ?? errors.reason}
                  hint={r.kind === 'deletion' ? t('queue.delete_account_hint') : undefined}
                />
                <p className="actions">
                  {r.status === 'received' ? (
                    <SubmitButton name="status" value="in_progress" variant="secondary">
                      {t('queue.take_up')}
                    </SubmitButton>
                  ) : null}
                  <SubmitButton name="status" value="answered">
                    {t('queue.answer')}
                  </SubmitButton>
                  <SubmitButton name="status" value="refused" variant="danger">
                    {t('queue.refuse')}
                  </SubmitButton>
                  {r.kind === 'deletion' ? (
                    <SubmitButton name="status" value="delete_account" variant="danger">
                      {t('queue.delete_account')}
                    </SubmitButton>
                  ) : null}
                </p>
              </PostForm>
            </article>
          );
        })}
      </section>
      <section aria-labelledby="incidents">
        <h2 id="incidents">{t('queue.incidents')}</h2>
        <p className="actions">
          <Link to="/privacy/incidents/new" className="button button-primary">
            {t('incidents.ui.new')}
          </Link>
          <a href="/api/v1/privacy-incidents/register.csv" download>
            {t('incidents.ui.export_csv')}
          </a>
          <a href="/api/v1/privacy-incidents/register.pdf" download>
            {t('incidents.ui.export_pdf')}
          </a>
        </p>
        {incidents.length === 0 ? (
          <p>{t('incidents.none')}</p>
        ) : (
          <DataTable
            caption={t('queue.incidents')}
            columns={[
              t('incidents.ui.col_learned'),
              t('incidents.ui.col_information'),
              t('incidents.ui.col_persons'),
              t('incidents.ui.col_serious'),
              t('incidents.ui.col_notices'),
              t('incidents.ui.col_version'),
            ]}
          >
            {incidents.map((i) => (
              <tr key={i.id}>
                <td>{i.learnedOn}</td>
                <th scope="row">{i.informationInvolved}</th>
                <td className="numeric">{i.personsAffected}</td>
                <td>{t(i.seriousRisk ? 'incidents.yes' : 'incidents.no')}</td>
                <td>
                  {i.commissionNotifiedOn || i.personsNotifiedOn
                    ? [
                        i.commissionNotifiedOn
                          ? t('incidents.ui.notice_commission', { date: i.commissionNotifiedOn })
                          : null,
                        i.personsNotifiedOn
                          ? t('incidents.ui.notice_persons', { date: i.personsNotifiedOn })
                          : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')
                    : '—'}
                  {i.letter ? (
                    <ul className="notice-letters">
                      {(['fr', 'en'] as const).map((locale) => (
                        <li key={locale}>
                          <a href={`/api/v1/privacy-incidents/${i.id}/notice.pdf?locale=${locale}`} download>
                            {t(`incidents.ui.notice_${locale}`)}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>
                  {i.version}{' '}
                  <Link to={`/privacy/incidents/${i.id}/edit`}>
                    {t('incidents.ui.edit', { learnedOn: i.learnedOn })}
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="extracts">
        <h2 id="extracts">{t('queue.extracts')}</h2>
        {extracts.length === 0 ? (
          <p>{t('queue.no_extracts')}</p>
        ) : (
          <ul>
            {extracts.map((x) => (
              <li key={x.id}>{t('queue.extract_line', x)}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
