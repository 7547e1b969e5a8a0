import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { getOutboxMessage } from '../use-cases/get-outbox-message.ts';

export const loader = pageLoader(async ({ ctx, params }) => {
  const message = await getOutboxMessage(ctx, params.id ?? '');
  return {
    message: {
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody,
      locale: message.locale,
      status: message.status,
      lastError: message.lastError,
      createdAt: formatDateTime(message.createdAt, ctx.locale),
      sentAt: message.sentAt ? formatDateTime(message.sentAt, ctx.locale) : null,
    },
  };
});

export default function OutboxMessage() {
  const { t } = useTranslation('administration');
  const { message } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title={t('outbox.message_title')}>
        <span lang={message.locale}>{message.subject}</span>
      </PageTitle>
      <dl>
        <dt>{t('fields.to_address')}</dt>
        <dd>{message.to}</dd>
        <dt>{t('outbox.when')}</dt>
        <dd>{message.createdAt}</dd>
        <dt>{t('fields.status')}</dt>
        <dd>
          {t(`outbox.status.${message.status}`)}
          {message.sentAt ? ` — ${message.sentAt}` : ''}
          {message.lastError ? ` — ${message.lastError}` : ''}
        </dd>
      </dl>
      <pre className="message" lang={message.locale}>
        {message.text}
      </pre>
      <p>
        <Link to="/admin/outbox">{t('outbox.back')}</Link>
      </p>
    </div>
  );
}
