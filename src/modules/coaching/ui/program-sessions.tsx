import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { listProgramSessions, SESSION_STATUSES } from '../use-cases/list-program-sessions.ts';
import { loadProgramList, SESSION_LIST_FILTERS } from './program-list-loader.ts';
import { ProgramListPage } from './program-lists.tsx';
import { readable } from './values.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const { items, ...frame } = await loadProgramList(ctx, request, SESSION_LIST_FILTERS, (input) =>
    listProgramSessions(ctx, input),
  );
  return {
    ...frame,
    items: items.map((s) => ({
      id: s.id,
      applicationId: s.applicationId,
      business: s.business ?? '—',
      expert: s.expertName,
      when: formatDateTime(s.startsAt, ctx.locale),
      duration: s.durationMinutes,
      mode: s.mode,
      status: s.status,
      hours: s.minutesLogged === null ? null : readable(s.minutesLogged / 60, ctx.locale),
    })),
  };
});

/** Every session of the program, newest first, for the program team; each leads to its file. */
export default function ProgramSessions() {
  const { t } = useTranslation('coaching');
  const { items, next, ...frame } = useLoaderData<typeof loader>();
  return (
    <ProgramListPage
      list="sessions"
      frame={frame}
      period
      choices={[
        {
          name: 'status',
          label: t('fields.status'),
          options: SESSION_STATUSES.map((s) => ({ value: s, label: t(`session_status.${s}`) })),
        },
      ]}
    >
      {items.length === 0 ? (
        <p>{t('ui.lists.none')}</p>
      ) : (
        <DataTable
          caption={t('ui.lists.sessions_title')}
          className="stacked"
          next={next}
          nextLabel={t('ui.lists.next_page')}
          columns={[
            t('ui.lists.when'),
            t('ui.caseload.business'),
            t('exports.expert'),
            t('fields.durationMinutes'),
            t('fields.mode'),
            t('fields.status'),
            t('ui.lists.hours'),
          ]}
        >
          {items.map((s) => (
            <tr key={s.id}>
              <td data-label={t('ui.lists.when')}>{s.when}</td>
              <th scope="row" data-label={t('ui.caseload.business')}>
                <Link to={`/caseload/${s.applicationId}`}>{s.business}</Link>
              </th>
              <td data-label={t('exports.expert')}>{s.expert}</td>
              <td data-label={t('fields.durationMinutes')}>{s.duration}</td>
              <td data-label={t('fields.mode')}>{t(`modes.${s.mode}`)}</td>
              <td data-label={t('fields.status')}>{t(`session_status.${s.status}`)}</td>
              <td data-label={t('ui.lists.hours')}>{s.hours ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </ProgramListPage>
  );
}
