import { useTranslation } from 'react-i18next';
import { useLoaderData } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { listReferrals } from '../use-cases/list-referrals.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const cursor = new URL(request.url).searchParams.get('cursor');
  const page = await listReferrals(ctx, cursor ? { cursor } : {});
  return {
    organization: page.organization,
    link: page.organization
      ? `${ctx.services.config.publicUrl}/apply?ref=${encodeURIComponent(page.organization.referralCode)}`
      : null,
    next: page.nextCursor,
    items: page.items.map((r) => ({
      ...r,
      submittedAt: r.submittedAt ? formatDate(r.submittedAt) : null,
      decidedAt: r.decidedAt ? formatDate(r.decidedAt) : null,
    })),
  };
});

/** A partner's page: their referral link and code, and where each referred retailer stands (status only). */
export default function Referrals() {
  const { t } = useTranslation('intake');
  const { organization, link, items, next } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title={t('ui.referrals.title')}>{t('ui.referrals.title')}</PageTitle>
      {organization ? (
        <>
          <section aria-labelledby="link-title" className="card">
            <h2 id="link-title">{organization.name}</h2>
            <p>{t('ui.referrals.share')}</p>
            <p>
              {t('ui.referrals.link')} <code>{link}</code>
            </p>
            <p>
              {t('ui.referrals.code')} <code>{organization.referralCode}</code>
            </p>
          </section>
          <p>{t('ui.referrals.privacy')}</p>
          {items.length === 0 ? (
            <p>{t('ui.referrals.none')}</p>
          ) : (
            <DataTable
              next={next ? `cursor=${next}` : null}
              nextLabel={t('ui.queue.next_page')}
              caption={t('ui.referrals.title')}
              columns={[
                t('fields.name'),
                t('fields.business.municipality'),
                t('fields.status'),
                t('ui.queue.submitted_on'),
                t('ui.referrals.decided_on'),
              ]}
            >
              {items.map((r) => (
                <tr key={r.id}>
                  <td>{r.name ?? t('ui.untitled')}</td>
                  <td>{r.municipality ?? '—'}</td>
                  <td>{t(`ui.status.${r.status}`)}</td>
                  <td>{r.submittedAt ?? '—'}</td>
                  <td>{r.decidedAt ?? '—'}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      ) : (
        <Notice kind="warning">
          <p>{t('ui.referrals.no_organization')}</p>
        </Notice>
      )}
    </div>
  );
}
