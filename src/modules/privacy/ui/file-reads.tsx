import { useTranslation } from 'react-i18next';
import { useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { listFileReads } from '../use-cases/list-file-reads.ts';

export const loader = pageLoader(async ({ ctx, params }) => ({
  reads: (await listFileReads(ctx, params.userId ?? '')).map((r) => ({
    id: r.id,
    readAt: formatDateTime(r.readAt, ctx.locale),
    readerName: r.readerName,
    readerRole: r.readerRole,
    part: r.part,
  })),
}));

/** Who on the staff read which part of a person's file, and when (the privacy officer). */
export default function FileReads() {
  const { t } = useTranslation(['privacy', 'identity']);
  const { reads } = useLoaderData<typeof loader>();
  const title = t('reads.title');
  return (
    <div className="privacy-page admin-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('reads.intro')}</p>
      {reads.length === 0 ? (
        <p>{t('reads.none')}</p>
      ) : (
        <DataTable
          caption={title}
          columns={[t('reads.col_when'), t('reads.col_reader'), t('reads.col_part')]}
        >
          {reads.map((r) => (
            <tr key={r.id}>
              <td>{r.readAt}</td>
              <td>{`${r.readerName} (${t(`identity:roles.${r.readerRole}`)})`}</td>
              <td>{t(`reads.parts.${r.part}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
