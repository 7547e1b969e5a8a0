import { useTranslation } from 'react-i18next';
import { redirect, useActionData, useLoaderData } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { REQUEST_KINDS } from '../domain/requests.ts';
import { filePrivacyRequest } from '../use-cases/file-privacy-request.ts';
import { listPrivacyRequests } from '../use-cases/list-privacy-requests.ts';
import { MY_REQUESTS_PATH } from '../use-cases/tell-requester.ts';
import { RequestClock } from './request-clock.tsx';

export const loader = pageLoader(async ({ ctx, request }) => ({
  filedDue: new URL(request.url).searchParams.get('filed'),
  requests: (await listPrivacyRequests(ctx, { mine: 'true' })).map((r) => ({
    id: r.id,
    kind: r.kind,
    details: r.details,
    status: r.status,
    receivedOn: formatDate(r.receivedAt),
    answeredOn: r.answeredAt ? formatDate(r.answeredAt) : null,
    answer: r.answer,
    clock: r.clock,
  })),
}));

export const action = formAction(async ({ ctx, form }) => {
  const filed = await filePrivacyRequest(ctx, { kind: form.kind, details: form.details });
  return redirect(`${MY_REQUESTS_PATH}?filed=${filed.clock.dueOn}`);
});

/** A person files requests about their personal information and reads the answers (30-day clock). */
export default function MyPrivacyRequests() {
  const { t } = useTranslation('privacy');
  const { filedDue, requests } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = fieldErrors(failed?.error);
  const title = t('requests.ui.title');
  return (
    <div className="privacy-page">
      <PageTitle title={title}>{title}</PageTitle>
      {filedDue && /^\d{4}-\d{2}-\d{2}$/.test(filedDue) ? (
        <Notice kind="success">
          <p>{t('requests.ui.filed', { date: filedDue })}</p>
        </Notice>
      ) : null}
      <p>{t('requests.ui.intro')}</p>
      <section aria-labelledby="new-request">
        <h2 id="new-request">{t('requests.ui.new')}</h2>
        <ErrorSummary error={failed?.error} />
        <PostForm action={MY_REQUESTS_PATH}>
          <SelectField
            name="kind"
            label={t('requests.fields.kind')}
            required
            options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`requests.kinds.${k}`) }))}
            defaultValue={failed?.values.kind}
            error={errors.kind}
          />
          <TextArea
            name="details"
            label={t('requests.fields.details')}
            hint={t('requests.ui.details_hint')}
            required
            rows={6}
            maxLength={8000}
            defaultValue={failed?.values.details}
            error={errors.details}
          />
          <SubmitButton>{t('requests.ui.submit')}</SubmitButton>
        </PostForm>
      </section>
      <section aria-labelledby="my-requests">
        <h2 id="my-requests">{t('requests.ui.mine')}</h2>
        {requests.length === 0 ? (
          <p>{t('requests.ui.none')}</p>
        ) : (
          <DataTable
            caption={t('requests.ui.mine')}
            columns={[
              t('requests.ui.received_on'),
              t('requests.fields.kind'),
              t('requests.fields.status'),
              t('requests.ui.due'),
              t('requests.ui.answer'),
            ]}
          >
            {requests.map((r) => (
              <tr key={r.id}>
                <td>{r.receivedOn}</td>
                <th scope="row">{t(`requests.kinds.${r.kind}`)}</th>
                <td>{t(`requests.statuses.${r.status}`)}</td>
                <td>
                  <RequestClock clock={r.clock} answeredOn={r.answeredOn} />
                </td>
                <td>{r.answer ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
