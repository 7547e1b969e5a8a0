import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { formatDate, formatDateTime } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { UnreadMessagesLink } from '../../conversations/components.ts';
import { countUnreadMessages } from '../../conversations/index.ts';
import { getCaseload } from '../use-cases/get-caseload.ts';
import { Badge } from './fields.tsx';
import { readable, unbroken } from './values.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const status = new URL(request.url).searchParams.get('status') === 'closed' ? 'closed' : 'active';
  const [{ items }, unread] = await Promise.all([getCaseload(ctx, { status }), countUnreadMessages(ctx)]);
  return {
    status,
    flagged: items.filter((i) => i.flags.length > 0).length,
    items: items.map((i) => ({
      id: i.applicationId,
      business: i.business ?? '—',
      municipality: i.municipality,
      closedAt: i.closedAt ? formatDate(i.closedAt) : null,
      nextSession: i.nextSession
        ? {
            when: unbroken(formatDateTime(new Date(i.nextSession.startsAt), ctx.locale)),
            mode: i.nextSession.mode,
          }
        : null,
      plan: i.plan,
      hours: {
        used: readable(i.hours.usedHours, ctx.locale),
        budget: readable(i.hours.budgetHours, ctx.locale),
        warning: i.hours.warning,
      },
      flags: i.flags,
      unread: unread.byFile[i.applicationId] ?? 0,
    })),
  };
});

/** The expert's caseload: the businesses assigned to them, flagged files first. */
export default function Caseload() {
  const { t } = useTranslation('coaching');
  const { status, items, flagged } = useLoaderData<typeof loader>();
  const title = t('ui.caseload.title');
  const caption = status === 'active' ? t('ui.caseload.caption_active') : t('ui.caseload.caption_closed');
  return (
    <div className="coaching-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('ui.caseload.intro')}</p>
      <nav aria-label={t('ui.caseload.filter')} className="coaching-tabs">
        <ul>
          {(['active', 'closed'] as const).map((s) => (
            <li key={s}>
              <Link
                to={s === 'active' ? '/caseload' : '/caseload?status=closed'}
                aria-current={s === status ? 'page' : undefined}
              >
                {t(`ui.caseload.show_${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        {t(`ui.caseload.count_${status}`, { count: items.length })}
        {status === 'active' && flagged > 0 ? ` ${t('ui.caseload.flagged', { count: flagged })}` : ''}
      </p>
      {items.length === 0 ? (
        <p>{t(`ui.caseload.none_${status}`)}</p>
      ) : (
        <DataTable
          caption={caption}
          showCaption
          className="stacked coaching-cards"
          columns={[
            t('ui.caseload.business'),
            t('ui.caseload.municipality'),
            status === 'active' ? t('ui.caseload.next_session') : t('ui.caseload.closed_on'),
            t('ui.caseload.plan'),
            t('ui.caseload.hours'),
            t('ui.caseload.flags'),
          ]}
        >
          {items.map((i) => (
            <tr key={i.id}>
              <th scope="row" data-label={t('ui.caseload.business')}>
                <Link to={`/caseload/${i.id}`}>{i.business}</Link>
                {i.unread > 0 ? (
                  <>
                    <br />
                    <UnreadMessagesLink applicationId={i.id} count={i.unread} />
                  </>
                ) : null}
              </th>
              <td data-label={t('ui.caseload.municipality')}>{i.municipality ?? '—'}</td>
              {status === 'active' ? (
                <td data-label={t('ui.caseload.next_session')}>
                  {i.nextSession ? (
                    <>
                      {i.nextSession.when}
                      <br />
                      {i.nextSession.mode ? t(`modes.${i.nextSession.mode}`) : null}
                    </>
                  ) : (
                    t('ui.caseload.no_session')
                  )}
                </td>
              ) : (
                <td data-label={t('ui.caseload.closed_on')}>{i.closedAt ?? '—'}</td>
              )}
              <td data-label={t('ui.caseload.plan')}>
                {i.plan ? (
                  <>
                    {t('ui.plan_progress', { done: i.plan.done, total: i.plan.total })}
                    <br />
                    <Badge kind={i.plan.status === 'approved' ? 'done' : 'neutral'}>
                      {t(`ui.plan_status.${i.plan.status}`)}
                    </Badge>
                  </>
                ) : (
                  t('ui.caseload.no_plan')
                )}
              </td>
              <td data-label={t('ui.caseload.hours')}>
                {t('ui.hours_of', { used: i.hours.used, budget: i.hours.budget })}
                {i.hours.warning ? (
                  <>
                    <br />
                    <Badge kind="alert">{t(`ui.hours_badge.${i.hours.warning}`)}</Badge>
                  </>
                ) : null}
              </td>
              <td data-label={t('ui.caseload.flags')}>
                {i.flags.length === 0 ? (
                  t('ui.caseload.no_flag')
                ) : (
                  <ul className="coaching-badges">
                    {i.flags.map((f) => (
                      <li key={f}>
                        <Badge kind="alert">{t(`flags.${f}`)}</Badge>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
