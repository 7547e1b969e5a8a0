import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { programQuery, selectProgram } from '../../programs/index.ts';
import { listMessages } from '../use-cases/list-messages.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const query = new URL(request.url).searchParams;
  const program = await selectProgram(ctx, query.get('program'));
  const page = await listMessages(ctx, {
    programId: program.id,
    cursor: query.get('cursor') ?? undefined,
  });
  const programPart = programQuery(program.slug);
  return {
    query: programPart,
    next: page.nextCursor
      ? new URLSearchParams({
          ...(query.get('program') ? { program: query.get('program')! } : {}),
          cursor: page.nextCursor,
        }).toString()
      : null,
    items: page.items.map((m) => ({
      id: m.id,
      subject: ctx.locale === 'fr' ? m.subjectFr : m.subjectEn,
      kind: m.kind,
      created: formatDateTime(m.createdAt, ctx.locale),
      status: m.status,
      ...m.progress,
    })),
  };
});

/** The program's messages and how far each has gone (program team). */
export default function Messages() {
  const { t } = useTranslation('outreach');
  const { items, next, query } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title={t('ui.list_title')}>{t('ui.list_title')}</PageTitle>
      <p>{t('ui.list_intro')}</p>
      <p>
        <Link className="button button-primary" to={`/messages/new${query}`}>
          {t('ui.new')}
        </Link>
      </p>
      {items.length === 0 ? (
        <p>{t('ui.none')}</p>
      ) : (
        <DataTable
          caption={t('ui.caption')}
          className="stacked"
          next={next}
          nextLabel={t('ui.next_page')}
          columns={[
            t('ui.columns.subject'),
            t('ui.columns.kind'),
            t('ui.columns.created'),
            t('ui.columns.status'),
            t('ui.columns.recipients'),
            t('ui.columns.sent'),
            t('ui.columns.failed'),
            t('ui.columns.unsubscribed'),
          ]}
        >
          {items.map((m) => (
            <tr key={m.id}>
              <td>
                <Link to={`/messages/${m.id}`}>{m.subject}</Link>
              </td>
              <td>{t(`kinds.${m.kind}`)}</td>
              <td>{m.created}</td>
              <td>{t(`message_statuses.${m.status}`)}</td>
              <td>{m.recipients}</td>
              <td>{m.sent}</td>
              <td>{m.failed}</td>
              <td>{m.unsubscribed}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
