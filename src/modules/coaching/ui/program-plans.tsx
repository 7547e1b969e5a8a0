import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { formatDate, formatMoney } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { listProgramPlans, PLAN_STATUSES } from '../use-cases/list-program-plans.ts';
import { Badge } from './fields.tsx';
import { loadProgramList, PLAN_LIST_FILTERS } from './program-list-loader.ts';
import { ProgramListPage } from './program-lists.tsx';

export const loader = pageLoader(async ({ ctx, request }) => {
  const { items, ...frame } = await loadProgramList(ctx, request, PLAN_LIST_FILTERS, (input) =>
    listProgramPlans(ctx, input),
  );
  return {
    ...frame,
    items: items.map((p) => ({
      applicationId: p.applicationId,
      business: p.business ?? '—',
      expert: p.expertName,
      status: p.status,
      approvedOn: p.approvedAt ? formatDate(p.approvedAt) : null,
      done: p.done,
      actions: p.actions,
      overdue: p.overdue,
      nextDue: p.nextDue,
      budget: p.budgetCents === null ? null : formatMoney(p.budgetCents, ctx.locale, true),
      closedOn: p.closedAt ? formatDate(p.closedAt) : null,
    })),
  };
});

/** Every action plan of the program by business name, for the program team; each leads to its plan. */
export default function ProgramPlans() {
  const { t } = useTranslation('coaching');
  const { items, next, ...frame } = useLoaderData<typeof loader>();
  return (
    <ProgramListPage
      list="plans"
      frame={frame}
      period={false}
      choices={[
        {
          name: 'status',
          label: t('fields.status'),
          options: PLAN_STATUSES.map((s) => ({ value: s, label: t(`ui.plan_status.${s}`) })),
        },
      ]}
    >
      {items.length === 0 ? (
        <p>{t('ui.lists.none')}</p>
      ) : (
        <DataTable
          caption={t('ui.lists.plans_title')}
          className="stacked"
          next={next}
          nextLabel={t('ui.lists.next_page')}
          columns={[
            t('ui.caseload.business'),
            t('exports.expert'),
            t('fields.status'),
            t('ui.lists.progress'),
            t('ui.lists.overdue'),
            t('exports.next_due'),
            t('fields.budgetCents'),
          ]}
        >
          {items.map((p) => (
            <tr key={p.applicationId}>
              <th scope="row" data-label={t('ui.caseload.business')}>
                <Link to={`/applications/${p.applicationId}/plan`}>{p.business}</Link>
              </th>
              <td data-label={t('exports.expert')}>{p.expert ?? t('ui.lists.no_expert')}</td>
              <td data-label={t('fields.status')}>
                <Badge kind={p.status === 'approved' ? 'done' : 'neutral'}>
                  {t(`ui.plan_status.${p.status}`)}
                </Badge>
                {p.approvedOn ? ` ${p.approvedOn}` : null}
                {p.closedOn ? (
                  <>
                    <br />
                    {t('ui.caseload.closed_on')} {p.closedOn}
                  </>
                ) : null}
              </td>
              <td data-label={t('ui.lists.progress')}>
                {t('ui.plan_progress', { done: p.done, total: p.actions })}
              </td>
              <td data-label={t('ui.lists.overdue')}>
                {p.overdue > 0 ? <Badge kind="alert">{p.overdue}</Badge> : 0}
              </td>
              <td data-label={t('exports.next_due')}>{p.nextDue ?? '—'}</td>
              <td data-label={t('fields.budgetCents')}>{p.budget ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </ProgramListPage>
  );
}
