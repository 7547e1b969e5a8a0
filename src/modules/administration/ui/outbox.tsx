import { useTranslation } from 'react-i18next';
import { Form, Link, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { MAIL_STATUSES } from '../../../platform/mail/statuses.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { SelectField, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { listOutboxMessages } from '../use-cases/list-outbox-messages.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const filters = {
    to: search.to ?? '',
    status: MAIL_STATUSES.includes(search.status as never) ? search.status! : '',
  };
  const page = await listOutboxMessages(
    ctx,
    Object.fromEntries(
      Object.entries({ ...filters, cursor: search.cursor ?? '' }).filter(([, v]) => v !== ''),
    ),
  );
  return {
    filters,
    smtp: Boolean(ctx.services.config.smtpUrl),
    next: page.nextCursor ? new URLSearchParams({ ...filters, cursor: page.nextCursor }).toString() : null,
    messages: page.items.map((m) => ({ ...m, createdAt: formatDateTime(m.createdAt, ctx.locale) })),
  };
});

export default function Outbox() {
  const { t } = useTranslation('administration');
  const { messages, filters, next, smtp } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title={t('outbox.title')}>{t('outbox.title')}</PageTitle>
      <p>{smtp ? t('outbox.intro_smtp') : t('outbox.intro_kept')}</p>
      <Form method="get" className="filters" role="search" aria-label={t('outbox.filters')}>
        <TextField name="to" label={t('fields.to_address')} defaultValue={filters.to} />
        <SelectField
          name="status"
          label={t('fields.status')}
          defaultValue={filters.status}
          options={[
            { value: '', label: t('outbox.all') },
            ...MAIL_STATUSES.map((s) => ({ value: s, label: t(`outbox.status.${s}`) })),
          ]}
        />
        <div className="field">
          <SubmitButton variant="secondary">{t('outbox.filter')}</SubmitButton>
        </div>
      </Form>
      {messages.length === 0 ? (
        <p>{t('outbox.none')}</p>
      ) : (
        <DataTable
          next={next}
          nextLabel={t('outbox.next_page')}
          caption={t('outbox.title')}
          columns={[t('outbox.when'), t('fields.to_address'), t('outbox.subject'), t('fields.status')]}
        >
          {messages.map((m) => (
            <tr key={m.id}>
              <td>{m.createdAt}</td>
              <td>{m.toAddress}</td>
              <td>
                <Link to={`/admin/outbox/${m.id}`} lang={m.locale}>
                  {m.subject}
                </Link>
              </td>
              <td>{t(`outbox.status.${m.status}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
